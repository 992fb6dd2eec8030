#!/usr/bin/env python3
"""Write tests/fixtures/compare/units-2023/: one year's reports of a county's units and the
county's 汇总 report, for the unit table (gouji compare, the page's 单位对比, e2e tests).

usage: python3 tools/gen_compare_fixtures.py
Eight departments of 测试县 with 表三/表四 scaled from one consistent table (so every report
reconciles), one of them with far more requests (an outlier in 本年新收 and 行政复议) and one
that refused most (an outlier in 不予公开占比); 测试县人民政府's report says it is the county's
汇总 and its tables are the sum of the eight. Deterministic output.
"""
import os, shutil, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_rule_fixtures import base_t3, report  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "compare", "units-2023")
T4 = [1, 0, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1]
UNITS = [
    ("测试县发展和改革局", 1, None),
    ("测试县教育局", 2, None),
    ("测试县公安局", 3, None),
    ("测试县民政局", 2, None),
    ("测试县财政局", 1, None),
    ("测试县自然资源局", 2, "refuses"),
    ("测试县住房和城乡建设局", 12, None),
    ("测试县交通运输局", 1, None),
]


def unit_tables(scale, kind):
    t3 = [[scale * v for v in row] for row in base_t3()]
    if kind == "refuses":
        # 予以公开 moved to 不予公开·过程性信息: the same totals, most requests refused.
        for c in range(7):
            t3[9][c] += t3[2][c]
            t3[2][c] = 0
    t4 = [scale * v for v in T4]
    return t3, t4


def main():
    if os.path.isdir(ROOT):
        shutil.rmtree(ROOT)
    os.makedirs(ROOT)
    sum_t3 = [[0] * 7 for _ in range(25)]
    sum_t4 = [0] * 15
    for k, (name, scale, kind) in enumerate(UNITS):
        t3, t4 = unit_tables(scale, kind)
        for r in range(25):
            for c in range(7):
                sum_t3[r][c] += t3[r][c]
        sum_t4 = [a + b for a, b in zip(sum_t4, t4)]
        text = report(t3=t3, t4=t4, narrative="").replace("测试县应急管理局", name)
        with open(os.path.join(ROOT, f"{k + 1:02d}-{name}.md"), "w", encoding="utf-8") as f:
            f.write(text)
    county = report(t3=sum_t3, t4=sum_t4, narrative="本报告数据为全县汇总数据，含县政府办公室及各部门。")
    with open(os.path.join(ROOT, "00-测试县人民政府.md"), "w", encoding="utf-8") as f:
        f.write(county.replace("测试县应急管理局", "测试县人民政府"))
    print(f"{len(UNITS) + 1} reports in {os.path.relpath(ROOT)}")


if __name__ == "__main__":
    main()
