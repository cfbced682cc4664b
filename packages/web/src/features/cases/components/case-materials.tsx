import { CheckCircleTwoTone, CloudDownloadOutlined, EyeOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, Flex, List, Modal, Tag, Typography, Upload } from "antd";
import { useEffect, useState } from "react";
import { pick, useLanguage, useT } from "../../../i18n";
import { findServiceGuide } from "../../catalogue/catalogue";
import { useErrorText } from "../../shell/components/query-error";
import { type CaseMaterial, type CaseView, fetchMaterialFile, fileToBase64 } from "../api/cases.api";
import { useApplicantActions } from "../hooks/use-cases";

const ACCEPTED = "application/pdf,image/jpeg,image/png,.ofd";

/** The materials the case's business needs, which are in, and (when editable) an upload for each. */
export function CaseMaterials({ view, editable }: { view: CaseView; editable: boolean }) {
  const t = useT();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { addMaterial, fetchMaterial } = useApplicantActions(view.id);
  const [preview, setPreview] = useState<CaseMaterial | null>(null);
  const required = findServiceGuide(view.typeId)?.materials ?? [];
  const byId = new Map(view.materials.map((m) => [m.materialId, m]));
  const extra = view.materials.filter((m) => !required.some((r) => r.id === m.materialId));

  const upload = async (materialId: string, file: File) => {
    try {
      const contentBase64 = await fileToBase64(file);
      await addMaterial.mutateAsync({
        source: "upload",
        materialId,
        fileName: file.name,
        mediaType: file.type || "application/octet-stream",
        contentBase64,
      });
      message.success(t("case.materials.uploaded", { name: file.name }));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const fetchFrom = async (materialId: string, name: string) => {
    try {
      await fetchMaterial.mutateAsync(materialId);
      message.success(t("case.materials.fetched", { name }));
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <>
      <List
        size="small"
        data-testid="case-materials"
        dataSource={[
          ...required.map((r) => ({
            id: r.id as string,
            name: pick(r.name, language),
            when: r.when,
            fetched: r.fetched,
          })),
          ...extra.map((m) => ({ id: m.materialId, name: m.name, when: null, fetched: null })),
        ]}
        renderItem={(item) => {
          const got = byId.get(item.id);
          return (
            <List.Item
              data-testid={`material-${item.id}`}
              actions={[
                got && got.source === "upload" ? (
                  <Button
                    key="view"
                    size="small"
                    icon={<EyeOutlined aria-hidden />}
                    onClick={() => setPreview(got)}
                  >
                    {t("case.materials.preview")}
                  </Button>
                ) : null,
                // 零材料: the register and the contract filing are fetched on request; the party's own
                // licences when the party confirms; the tax proof comes from the tax office.
                editable && !got && (item.fetched === "register" || item.fetched === "housing") ? (
                  <Button
                    key="fetch"
                    size="small"
                    type="primary"
                    icon={<CloudDownloadOutlined aria-hidden />}
                    loading={fetchMaterial.isPending && fetchMaterial.variables === item.id}
                    onClick={() => void fetchFrom(item.id, item.name)}
                    data-testid={`fetch-${item.id}`}
                  >
                    {t("case.materials.fetch")}
                  </Button>
                ) : null,
                editable && item.fetched !== "tax" ? (
                  <Upload
                    key="up"
                    accept={ACCEPTED}
                    showUploadList={false}
                    beforeUpload={(file) => {
                      void upload(item.id, file);
                      return false;
                    }}
                  >
                    <Button
                      size="small"
                      icon={<UploadOutlined aria-hidden />}
                      loading={addMaterial.isPending && addMaterial.variables?.materialId === item.id}
                      type={item.fetched ? "link" : "default"}
                      data-testid={item.fetched ? `upload-instead-${item.id}` : `upload-${item.id}`}
                    >
                      {got
                        ? t("case.materials.replace")
                        : item.fetched
                          ? t("case.materials.uploadInstead")
                          : t("case.materials.upload")}
                    </Button>
                  </Upload>
                ) : null,
              ].filter(Boolean)}
            >
              <Flex vertical style={{ minWidth: 0 }}>
                <span>
                  {got ? (
                    <CheckCircleTwoTone twoToneColor="#52c41a" aria-label={t("case.materials.provided")} />
                  ) : null}{" "}
                  {item.name}
                  {item.when ? (
                    <Tag style={{ marginInlineStart: 6 }}>{t(`guide.when.${item.when}`)}</Tag>
                  ) : null}
                </span>
                {got ? (
                  <Typography.Text
                    type="secondary"
                    style={{ fontSize: 12 }}
                    data-testid={`material-source-${item.id}`}
                  >
                    {got.fetchedFrom
                      ? `${t(`case.materials.from.${got.fetchedFrom}`)} · ${got.documentNo ?? ""}`
                      : (got.fileName ?? t(`case.materials.source.${got.source}`))}{" "}
                    {got.sm3 ? `· SM3 ${got.sm3.slice(0, 12)}…` : ""}
                  </Typography.Text>
                ) : item.fetched ? (
                  <Typography.Text
                    type="success"
                    style={{ fontSize: 12 }}
                    data-testid={`material-pending-${item.id}`}
                  >
                    {t(`case.materials.pending.${item.fetched}`)}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t("case.materials.missing")}
                  </Typography.Text>
                )}
              </Flex>
            </List.Item>
          );
        }}
      />
      <MaterialPreview caseId={view.id} material={preview} onClose={() => setPreview(null)} />
    </>
  );
}

/** Shows an uploaded image or PDF in the browser, fetched with the session (never a public URL). */
function MaterialPreview({
  caseId,
  material,
  onClose,
}: {
  caseId: string;
  material: CaseMaterial | null;
  onClose: () => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const [state, setState] = useState<{ url: string; type: string } | { error: string } | null>(null);
  useEffect(() => {
    if (!material) return;
    let url: string | null = null;
    let live = true;
    setState(null);
    fetchMaterialFile(caseId, material.id).then(
      (blob) => {
        url = URL.createObjectURL(blob);
        if (live) setState({ url, type: blob.type });
      },
      (error) => live && setState({ error: errorText(error) }),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [caseId, material, errorText]);
  return (
    <Modal
      open={material !== null}
      onCancel={onClose}
      footer={null}
      width={900}
      title={material?.name ?? ""}
      destroyOnHidden
    >
      {state === null ? (
        t("common.loading")
      ) : "error" in state ? (
        <Typography.Text type="danger">{state.error}</Typography.Text>
      ) : state.type.startsWith("image/") ? (
        <img
          src={state.url}
          alt={material?.name ?? ""}
          style={{ maxWidth: "100%" }}
          data-testid="material-preview"
        />
      ) : state.type === "application/pdf" ? (
        <iframe
          src={state.url}
          title={material?.name ?? ""}
          style={{ width: "100%", height: "70vh", border: 0 }}
          data-testid="material-preview"
        />
      ) : (
        <a href={state.url} download={material?.fileName ?? "material"}>
          {t("case.materials.download")}
        </a>
      )}
    </Modal>
  );
}
