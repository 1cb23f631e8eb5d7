import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// only what this chart draws: ECharts whole is several times larger
use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export interface TownshipCounts {
  name: string;
  kindergartens: number;
  inspections: { scheduled: number; passed: number; failed: number; cancelled: number };
  cases: { open: number; overdue: number };
  suspensions: number;
}

const optionOf = (townships: readonly TownshipCounts[]): Option => {
  const bar = (name: string, values: number[], stack?: string): BarSeriesOption => ({ type: 'bar', name, data: values, stack, barMaxWidth: 24 });
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 64, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: townships.map((township) => township.name), axisLabel: { interval: 0, rotate: townships.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      bar(
        '幼儿园',
        townships.map((township) => township.kindergartens),
      ),
      bar(
        '待检查',
        townships.map((township) => township.inspections.scheduled),
        'inspections',
      ),
      bar(
        '检查合格',
        townships.map((township) => township.inspections.passed),
        'inspections',
      ),
      bar(
        '检查不合格',
        townships.map((township) => township.inspections.failed),
        'inspections',
      ),
      bar(
        '检查已取消',
        townships.map((township) => township.inspections.cancelled),
        'inspections',
      ),
      bar(
        '未办结整改',
        townships.map((township) => township.cases.open),
      ),
      bar(
        '逾期整改',
        townships.map((township) => township.cases.overdue),
      ),
      bar(
        '暂停招生',
        townships.map((township) => township.suspensions),
      ),
    ],
  };
};

/** The townships' counts as a bar chart (the same numbers as the table beside it, which is what screen readers read). */
export const TownshipChart = ({ townships, label }: { townships: readonly TownshipCounts[]; label: string }) => {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const chart = init(element, undefined, { renderer: 'canvas' });
    chart.setOption(optionOf(townships));
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [townships]);
  return <div ref={container} role="img" aria-label={label} style={{ width: '100%', height: 360 }} />;
};
