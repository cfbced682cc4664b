import { Card, Empty, Result } from "antd";

/** A capability that is planned but not built yet: its name and one sentence of what will come. */
export function PlaceholderPage({ title, description }: { title: string; description: string }) {
  return (
    <Card data-testid="placeholder-page">
      <Result
        icon={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={false} />}
        title={<h1 style={{ fontSize: "inherit", margin: 0 }}>{title}</h1>}
        subTitle={description}
      />
    </Card>
  );
}
