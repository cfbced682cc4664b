import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { type EChartsCoreOption, init, use } from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

// Only the parts the dashboards draw, so the chunk stays small (ECharts is tree-shakable).
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** One ECharts chart that follows its option and its container's width. */
export function EChart({
  option,
  height = 280,
  testId,
}: {
  option: EChartsCoreOption;
  height?: number;
  testId: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const chart = init(node);
    chart.setOption(option);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(node);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option]);
  const series = (option as { series?: Array<{ data?: unknown[] }> }).series ?? [];
  const points = series.reduce((n, s) => n + (s.data?.length ?? 0), 0);
  return (
    <div
      ref={ref}
      style={{ width: "100%", height }}
      data-testid={testId}
      data-chart="echarts"
      data-points={points}
    />
  );
}
