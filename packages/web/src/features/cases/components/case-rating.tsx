import { Alert, Button, Flex, Input, Rate, Typography } from "antd";
import { useState } from "react";
import { useT } from "../../../i18n";
import { useErrorText } from "../../shell/components/query-error";
import { useApplicantActions, useMyRating } from "../hooks/use-cases";

/** 好差评: one to five stars and a comment on a finished case, sent to the registry once. */
export function CaseRating({ id }: { id: string }) {
  const t = useT();
  const errorText = useErrorText();
  const mine = useMyRating(id);
  const { rate } = useApplicantActions(id);
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState("");
  const given = rate.data ?? mine.data;
  if (given)
    return (
      <Flex vertical gap={4} data-testid="case-rated">
        <Alert type="success" showIcon title={t("rating.thanks")} />
        <Rate value={given.score} disabled aria-label={t("rating.title")} />
        {given.comment ? <Typography.Text>{given.comment}</Typography.Text> : null}
      </Flex>
    );
  if (mine.isPending) return null;
  return (
    <Flex vertical gap={8} data-testid="case-rating">
      <Typography.Text type="secondary">{t("rating.intro")}</Typography.Text>
      <Rate
        value={score}
        onChange={setScore}
        tooltips={[1, 2, 3, 4, 5].map((n) => t(`rating.score.${n}` as "rating.score.1"))}
        aria-label={t("rating.title")}
      />
      <Input.TextArea
        rows={2}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder={t("rating.comment")}
        maxLength={500}
      />
      {rate.isError ? <Alert type="error" showIcon title={errorText(rate.error)} /> : null}
      <Button
        onClick={() => rate.mutate({ score, comment })}
        loading={rate.isPending}
        disabled={score === 0}
        data-testid="rating-submit"
      >
        {t("rating.submit")}
      </Button>
    </Flex>
  );
}
