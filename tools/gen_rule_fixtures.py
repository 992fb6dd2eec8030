#!/usr/bin/env python3
"""Write the rule fixtures: tests/fixtures/rules/<RULE>/{valid,invalid}-<case>.<ext>.

usage: python3 tools/gen_rule_fixtures.py
Each fixture is a small whole report. A `valid-*` file must give no finding of its rule (and
no error at all); an `invalid-*` file must give the findings of its rule that EXPECTED lists
(written to tests/fixtures/rules.expected.tsv). The sums and bounds also have `valid-near-miss-*`
cases, one unit from failing. The test
harness (tests/check/rules.rs) reads the rule from the folder name. Deterministic output.
"""
import io, os, shutil, zipfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "fixtures", "rules")

T3_LABELS_2021 = [
    "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1.属于国家秘密", "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
    "7.属于行政执法案卷", "8.属于行政查询事项", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作",
    "3.补正后申请内容仍不明确", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
    "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他", "（七）总计",
    "四、结转下年度继续办理",
]
GROUP_BEFORE = {4: "（三）不予公开", 12: "（四）无法提供", 15: "（五）不予处理", 20: "（六）其他处理"}


def base_t3():
    """25 rows x 7 columns that reconcile: 12 new + 2 carried = 13 done + 1 carried out."""
    rows = [[0] * 6 for _ in range(25)]
    rows[2] = [5, 1, 0, 0, 0, 0]    # 予以公开
    rows[3] = [2, 0, 0, 0, 0, 0]    # 部分公开
    rows[9] = [1, 0, 0, 0, 0, 0]    # 过程性信息
    rows[12] = [3, 0, 0, 0, 0, 0]   # 不掌握
    rows[16] = [1, 0, 0, 0, 0, 0]   # 重复申请
    rows[1] = [2, 0, 0, 0, 0, 0]    # 上年结转
    rows[24] = [1, 0, 0, 0, 0, 0]   # 结转下年度
    for c in range(6):
        rows[23][c] = sum(rows[r][c] for r in range(2, 23))
        rows[0][c] = rows[23][c] + rows[24][c] - rows[1][c]
    return [r + [sum(r)] for r in rows]


def t3_2019(rows):
    """The 2019 layout: （六）其他处理 is one row."""
    other = [sum(rows[r][c] for r in (20, 21, 22)) for c in range(7)]
    labels = T3_LABELS_2021[:20] + ["（六）其他处理"] + T3_LABELS_2021[23:]
    return labels, rows[:20] + [other] + rows[23:]


def cell(v):
    return "" if v is None else str(v)


NARRATIVE = ("全年共受理政府信息公开申请12件，上年结转2件，办结13件，1件结转下年度继续办理。"
             "其中，予以公开6件，部分公开2件，不予公开1件，无法提供3件，不予处理1件。"
             "全年发生政府信息公开行政复议2件、行政诉讼2件。")


def report(title_year=2023, period_year=2023, t2=None, t3=None, t3_labels=None, t4=None, sections=None,
           lp=False, subtotal_rows=None, omit=(), fee="12.5", extra_t3_rows=None, narrative=NARRATIVE,
           period=None, meta="", five="政策解读形式还不够丰富，下一步将加以改进。", six="本年度未收取信息处理费。",
           note="（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"):
    t2 = t2 or {"REG": [0, 0, 0], "NORM": [2, 1, 9], "LIC": 120, "PUN": 35, "COE": 0}
    t3 = t3 or base_t3()
    t3_labels = t3_labels or T3_LABELS_2021
    t4 = t4 if t4 is not None else [1, 0, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1]
    heads = sections or ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                         "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    period = period or f"自{period_year}年1月1日起至{period_year}年12月31日止"
    out = [f"测试县应急管理局{title_year}年政府信息公开工作年度报告", ""]
    if meta:
        out += [meta, ""]
    out += [f"本报告所列数据的统计期限{period}。", ""]
    out += [heads[0], f"{title_year}年，我局依法做好政府信息公开工作。" + narrative, ""]
    if heads[1]:
        out += [heads[1], ""]
    if "t2" not in omit:
        out += ["第二十条第（一）项", "", "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |", "|---|---|---|---|"]
        out += [f"| 规章 | {' | '.join(map(cell, t2['REG']))} |", f"| 行政规范性文件 | {' | '.join(map(cell, t2['NORM']))} |", ""]
        out += ["第二十条第（五）项", "", "| 信息内容 | 本年处理决定数量 |", "|---|---|", f"| 行政许可 | {cell(t2['LIC'])} |", ""]
        out += ["第二十条第（六）项", "", "| 信息内容 | 本年处理决定数量 |", "|---|---|",
                f"| 行政处罚 | {cell(t2['PUN'])} |", f"| 行政强制 | {cell(t2['COE'])} |", ""]
        out += ["第二十条第（八）项", "", "| 信息内容 | 本年收费金额（单位：万元） |", "|---|---|", f"| 行政事业性收费 | {fee} |", ""]
    if heads[2]:
        out += [heads[2], ""]
    if "t3" not in omit:
        cols = "| 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |" + (" 小计 |" if lp else "") + " 总计 |"
        out += [f"| {note} | 申请人情况 |", "|---|---|",
                "| | 法人或其他组织 |", "| " + cols.strip("| ") + " |"]
        for k, (label, values) in enumerate(zip(t3_labels, t3)):
            if subtotal_rows and k in subtotal_rows:
                name, sub = subtotal_rows[k]
                out.append(f"| {name} | {' | '.join(map(cell, sub))} |")
            elif k in GROUP_BEFORE and len(t3_labels) == 25 and GROUP_BEFORE[k] not in label:
                label = f"{GROUP_BEFORE[k]} | {label}"
            if extra_t3_rows and k in extra_t3_rows:
                out.append(extra_t3_rows[k])
                continue
            out.append(f"| {label} | {' | '.join(map(cell, values))} |")
        out.append("")
    if heads[3]:
        out += [heads[3], ""]
    if "t4" not in omit:
        out += ["| 行政复议 | 行政诉讼 |", "|---|---|", "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |",
                "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |",
                "| " + " | ".join(map(cell, t4)) + " |", ""]
    if heads[4]:
        out += [heads[4], five, ""]
    if heads[5]:
        out += [heads[5], six, ""]
    return "\n".join(out)


def t3_with(carry_in=2, carry_out=1):
    """base_t3 with other carry-over numbers (自然人 and 总计), still reconciling."""
    rows = base_t3()
    rows = [r[:6] for r in rows]
    rows[1][0] = carry_in
    rows[24][0] = carry_out
    for c in range(6):
        rows[0][c] = rows[23][c] + rows[24][c] - rows[1][c]
    return [r + [sum(r)] for r in rows]


# Two unrelated paragraphs of work narrative (each long enough to compare).
STORY_A = ("本年度我局围绕安全生产监管执法、应急预案管理和防灾减灾宣传三项重点，"
           "在门户网站开设专题栏目，集中发布执法检查计划、检查结果和整改情况，"
           "组织企业负责人参加警示教育培训，编印应急知识手册发放到社区和学校，"
           "利用新媒体平台推送防汛防台风提示，及时回应群众关于企业安全隐患的咨询，"
           "并邀请人大代表和群众代表参与开放日活动，现场了解执法办案流程和信息发布审核程序。"
           "在政策解读方面，我局对新出台的规范性文件逐件制作图解，"
           "由业务科室负责人在线访谈中逐条说明适用范围、办理条件和监督渠道。")
STORY_B = ("今年交通运输局把公路养护、农村客运和行政审批服务作为公开重点，"
           "按月公布国省道养护工程进度和资金使用情况，在客运站张贴班线调整公告，"
           "对网约车和道路运输经营许可实行网上申请、网上审批、结果网上公示，"
           "建立投诉举报线索台账，按期反馈处理结果，"
           "同时联合镇街开展乡村道路安全宣传进村入户活动，"
           "通过广播、宣传栏和微信群告知群众出行注意事项，"
           "并对涉及群众切身利益的收费项目、优惠政策和办事指南进行全面梳理更新，"
           "确保信息准确完整、便于查询。")


def modified(row, col, value):
    rows = base_t3()
    rows[row][col] = value
    return rows


def bumped(row, col):
    """base_t3 with one more in an outcome cell, and in the totals that add it up (its row's
    总计, its column's （七）总计 and 本年新收): consistent, one unit from the base."""
    rows = base_t3()
    for r in (row, 23, 0):
        rows[r][col] += 1
        rows[r][6] += 1
    return rows


def with_lp(rows, lp_override=None):
    out = []
    for k, r in enumerate(rows):
        lp = sum(r[1:6]) if lp_override is None or lp_override[0] != k else lp_override[1]
        out.append(r[:6] + [lp] + [r[6]])
    return out


PRE_ROWS = [
    ("主动公开信息数", "条", "ACT"), ("其中：1.政府网站公开数", "条", "WEB"), ("2.政府公报公开数", "条", "GAZ"),
    ("受理依申请公开信息总数", "条", "REQ"), ("其中：1.当面申请数", "条", "F2F"), ("2.网上申请数", "条", "NET"),
    ("3.信函、传真申请数", "条", "POST"), ("对申请的答复总数", "条", "ANS"), ("其中：1.同意公开答复数", "条", "OPEN"),
    ("2.同意部分公开答复数", "条", "PART"), ("3.不予公开答复数", "条", "DENY"), ("4.其他类型答复数", "条", "OTH"),
    ("行政复议数", "件", "RV"), ("行政诉讼数", "件", "LIT"),
]
PRE_VALUES = {
    "ACT": (120, 1500), "WEB": (110, 1400), "GAZ": (10, 100), "REQ": (5, 30), "F2F": (2, 10), "NET": (2, 15),
    "POST": (1, 5), "ANS": (5, 30), "OPEN": (3, 20), "PART": (1, 5), "DENY": (1, 5), "OTH": (0, 0),
    "RV": (0, 1), "LIT": (0, 0),
}


def pre2019(year=2016, values=None, extra_rows=(), glued=False, requests="依申请公开工作依法办理。"):
    """A pre-2019 report with its statistics table (指标名称 | 计量单位 | 本年度 | 历年累计)."""
    values = dict(PRE_VALUES, **(values or {}))
    lines = [
        f"测试县人民政府{year}年政府信息公开工作年度报告",
        "",
        f"本报告由概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开的收费及减免情况、因政府信息公开申请提起行政复议和行政诉讼的情况、存在的主要问题及改进措施和政府信息公开情况统计表组成。本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
        "",
        "一、概述",
        f"{year}年，我县认真贯彻《中华人民共和国政府信息公开条例》，政府信息公开工作稳步推进。",
        "二、主动公开政府信息情况",
        f"{year}年全县主动公开政府信息{values['ACT'][0]}条。",
        "三、依申请公开政府信息情况",
        requests,
        "四、存在的主要问题及改进措施",
        "公开内容还不够全面，下一步将继续改进。",
        "五、政府信息公开情况统计表",
        "",
    ]
    rows = list(PRE_ROWS) + list(extra_rows)
    if glued:
        # As crawled pages give it: one line, the two columns run together.
        line = f"指标名称计量单位{year}年度历年累计"
        for label, unit, key in rows:
            y, total = values[key]
            line += f"{label}{unit}{y}{total}"
        lines.append(line)
    else:
        lines += [f"| 指标名称 | 计量单位 | {year}年度 | 历年累计 |", "|---|---|---|---|"]
        for label, unit, key in rows:
            y, total = values[key]
            lines.append(f"| {label} | {unit} | {y} | {total} |")
    return "\n".join(lines) + "\n"


# What each invalid fixture must say: (fixture, check id, first cell, expected, found), "-" for
# none; the check id is the finding's own or one it explains. Written, sorted, to
# tests/fixtures/rules.expected.tsv; tests/check/rules.rs asserts each line is one of the
# fixture's findings of its rule.
EXPECTED = [
    ("HIER-SUM/invalid-one-more-than-the-units/county.md", "HIER-SUM", "t3/R1/NP", "-", "-"),
    ("HIER-SUM/invalid-one-more-than-the-units/county.md", "HIER-SUM", "t3/R3.1/NP", "-", "-"),
    ("HIER-SUM/invalid-one-more-than-the-units/county.md", "HIER-SUM", "t3/R3.7/NP", "-", "-"),
    ("HINT-APPEALS-WITHOUT-REQUESTS/invalid-appeals-only.md", "HINT-APPEALS-WITHOUT-REQUESTS", "t4/RV/tot", "-", "-"),
    ("HINT-LIT-WITHOUT-REVIEW/invalid-suit-after-no-review.md", "HINT-LIT-WITHOUT-REVIEW", "t4/LR/tot", "-", "-"),
    ("HINT-OTHER-OUTCOME/invalid-mostly-other.md", "HINT-OTHER-OUTCOME", "t3/R3.6.3/TOT", "-", "-"),
    ("INPUT-DECODE/invalid-broken-gbk-byte.txt", "INPUT-DECODE", "-", "-", "-"),
    ("INPUT-NO-TABLES/invalid-narrative-only.md", "INPUT-NO-TABLES", "-", "-", "-"),
    ("INPUT-TRUNCATED/invalid-report-followed-by-a-flood-of-numbers.docx", "INPUT-TRUNCATED", "-", "-", "-"),
    ("INPUT-UNREADABLE/invalid-pdf-file.pdf", "INPUT-UNREADABLE", "-", "-", "-"),
    ("NAR-ACTIVE/invalid-narrative-says-more.md", "NAR-ACTIVE", "p/ACT/y", "120", "150"),
    ("NAR-CARRYIN/invalid-carried-in-five.md", "NAR-CARRYIN", "t3/R2/TOT", "2", "5"),
    ("NAR-CARRYOUT/invalid-three-carried-out.md", "NAR-CARRYOUT", "t3/R4/TOT", "1", "3"),
    ("NAR-DONE/invalid-done-ten.md", "NAR-DONE", "t3/R3.7/TOT", "13", "10"),
    ("NAR-FEE-STEP/invalid-fifteen-yuan.md", "NAR-FEE-STEP", "-", "-", "-"),
    ("NAR-FEE/invalid-fee-and-no-fee.md", "NAR-FEE", "-", "-", "-"),
    ("NAR-LIT/invalid-four-suits.md", "NAR-LIT", "t4/LD/tot", "2", "4"),
    ("NAR-OUTCOME/invalid-granted-or-partial.md", "NAR-OUTCOME", "t3/R3.1/TOT", "8", "9"),
    ("NAR-PCT/invalid-percent.md", "NAR-PCT", "t3/R3.7/TOT", "46", "60"),
    ("NAR-RECV/invalid-pre2019-received-nine.md", "NAR-RECV", "p/REQ/y", "5", "9"),
    ("NAR-RECV/invalid-received-twenty.md", "NAR-RECV", "t3/R1/TOT", "12", "20"),
    ("NAR-REVIEW/invalid-five-reviews.md", "NAR-REVIEW", "t4/RV/tot", "2", "5"),
    ("NAR-SEC5-EMPTY/invalid-section-five-none.md", "NAR-SEC5-EMPTY", "-", "-", "-"),
    ("NAR-SEC6-FEE/invalid-section-six-silent.md", "NAR-SEC6-FEE", "-", "-", "-"),
    ("NAR-ZERO-APP/invalid-no-applications.md", "NAR-ZERO-APP", "t3/R1/TOT", "-", "-"),
    ("NAR-ZERO-RL/invalid-no-cases.md", "NAR-ZERO-RL", "t4/RV/tot", "-", "-"),
    ("PARSE-AMBIGUOUS/invalid-glued-t2-row.md", "PARSE-AMBIGUOUS", "t2/NORM/made", "-", "-"),
    ("PARSE-GLUED/invalid-glued-rows.txt", "PARSE-GLUED", "t3/R1/NP", "-", "-"),
    ("PARSE-ORDER/invalid-labels-out-of-place.md", "PARSE-ORDER", "-", "-", "-"),
    ("PRE-CHAIN/invalid-cumulative-restarted/2016.md", "PRE-CHAIN-ACT", "p/ACT/cum", "1500", "120"),
    ("PRE-CHAIN/invalid-cumulative-restarted/2016.md", "PRE-CHAIN-ACT.GAZ", "p/ACT.GAZ/cum", "100", "10"),
    ("PRE-CHAIN/invalid-cumulative-restarted/2016.md", "PRE-CHAIN-ACT.WEB", "p/ACT.WEB/cum", "1400", "110"),
    ("PRE-CUM/invalid-year-above-cumulative.md", "PRE-CUM-APPEAL", "p/APPEAL/cum", "2", "1"),
    ("PRE-PART/invalid-website-above-total.md", "PRE-PART-ACT.WEB-y", "p/ACT.WEB/y", "120", "130"),
    ("PRE-ROWS/invalid-unknown-indicator.md", "PRE-ROWS", "-", "-", "-"),
    ("PRE-SUM/invalid-requests-do-not-add-up.md", "PRE-SUM-REQ-y", "p/REQ/y", "5", "6"),
    ("STR-LABEL/invalid-yuqi-typo.md", "STR-LABEL", "t3/R3.6.1/NP", "-", "-"),
    ("STR-NAME/invalid-other-units-name.md", "STR-NAME", "-", "-", "-"),
    ("STR-NOTE/invalid-note-missing.md", "STR-NOTE", "-", "-", "-"),
    ("STR-REPEAT/invalid-two-reports-in-one-text.md", "STR-REPEAT", "-", "-", "-"),
    ("STR-ROWS/invalid-row-with-six-values.md", "STR-ROWS", "t3/R3.3.2/NP", "7", "6"),
    ("STR-ROWS/invalid-table-not-filled.md", "STR-ROWS", "t3/R1/NP", "-", "-"),
    ("STR-SECTIONS/invalid-section-five-missing.md", "STR-SECTIONS", "-", "-", "-"),
    ("STR-SECTIONS/invalid-section-misnumbered.md", "STR-SECTIONS", "-", "-", "-"),
    ("STR-SHAPE/invalid-table-four-missing.md", "STR-SHAPE", "-", "-", "-"),
    ("T2-FEE-UNIT/invalid-info-fee-in-table.md", "T2-FEE-UNIT", "t2/FEE/n", "-", "-"),
    ("T2-NARR-ENF/invalid-penalties-forty.md", "T2-NARR-ENF", "t2/PUN/n", "35", "40"),
    ("T2-NARR-NORM/invalid-norms-five.md", "T2-NARR-NORM", "t2/NORM/made", "2", "5"),
    ("T2-RULE-LEVEL/invalid-county-regulation.md", "T2-RULE-LEVEL", "t2/REG/made", "-", "-"),
    ("T2-VALID-GE-MADE/invalid-valid-below-made.md", "T2-VALID-GE-MADE", "t2/NORM/valid", "5", "3"),
    ("T3-BAL/invalid-carry-in-does-not-balance.md", "T3-BAL-NP", "t3/R2/NP", "14", "13"),
    ("T3-BAL/invalid-carry-in-does-not-balance.md", "T3-BAL-TOT", "t3/R2/TOT", "15", "14"),
    ("T3-CAP/invalid-more-closed-than-received.md", "T3-CAP-NP", "t3/R3.7/NP", "12", "17"),
    ("T3-CAP/invalid-more-closed-than-received.md", "T3-CAP-TOT", "t3/R3.7/TOT", "13", "18"),
    ("T3-EMPTY/invalid-carry-out-without-requests.md", "T3-EMPTY", "t3/R4/NP", "-", "-"),
    ("T3-LP/invalid-subtotal-column-wrong.md", "T3-LP-R3.1", "t3/R3.1/LP", "1", "2"),
    ("T3-OUT/invalid-outcome-added-to-a-row.md", "T3-OUT-NP", "t3/R3.2/NP", "13", "12"),
    ("T3-OUT/invalid-outcome-added-to-a-row.md", "T3-OUT-TOT", "t3/R3.2/TOT", "14", "13"),
    ("T3-ROW/invalid-row-total-off-by-one.md", "T3-ROW-R3.1", "t3/R3.1/TOT", "6", "7"),
    ("T3-SUB/invalid-group-subtotal-row-wrong.md", "T3-SUB-R3.3-NP", "t3/R3.3/NP", "1", "2"),
    ("T3-SUB/invalid-group-subtotal-row-wrong.md", "T3-SUB-R3.3-TOT", "t3/R3.3/TOT", "1", "2"),
    ("T4-CNT/invalid-fourteen-numbers.md", "T4-CNT", "t4/RV/keep", "15", "14"),
    ("T4-LD/invalid-direct-litigation-total.md", "T4-LD", "t4/LD/keep", "2", "1"),
    ("T4-LR/invalid-litigation-after-review-total.md", "T4-LR", "t4/LR/tot", "5", "0"),
    ("T4-RV/invalid-review-total-left-zero.md", "T4-RV", "t4/RV/tot", "11", "0"),
    ("VAL-BLANK/invalid-blank-cell.md", "VAL-BLANK", "t3/R3.3.2/CE", "-", "-"),
    ("VAL-FEE/invalid-fee-in-yuan.md", "VAL-FEE", "t2/FEE/n", "-", "125000"),
    ("VAL-INT/invalid-fraction-in-a-count.md", "VAL-INT", "t3/R3.1/CE", "-", "1.5"),
    ("VAL-INT/invalid-fraction-in-a-count.md", "VAL-INT", "t3/R3.1/NP", "-", "4.5"),
    ("VAL-MAG/invalid-eight-digit-total.md", "VAL-MAG", "t3/R1/NP", "-", "-"),
    ("VAL-NEG/invalid-negative-count.md", "VAL-NEG", "t3/R3.5.2/NP", "-", "-1"),
    ("VAL-NEG/invalid-negative-count.md", "VAL-NEG", "t3/R3.5.2/TOT", "-", "-1"),
    ("VAL-TEXT/invalid-text-in-a-number-cell.md", "VAL-TEXT", "t3/R3.3.3/RI", "-", "-"),
    ("XY-CARRY/invalid-carry-in-differs/2023.md", "XY-CARRY-NP", "t3/R2/NP", "3", "2"),
    ("XY-CARRY/invalid-carry-in-differs/2023.md", "XY-CARRY-TOT", "t3/R2/TOT", "3", "2"),
    ("XY-DUP/invalid-copied-from-another-unit/b.md", "XY-DUP", "-", "-", "-"),
    ("XY-FIXRATE/invalid-rate-jumps/2023.md", "XY-FIXRATE", "t4/RV/fix", "-", "-"),
    ("XY-JUMP/invalid-licences-six-fold/2023.md", "XY-JUMP", "t2/LIC/n", "-", "120"),
    ("XY-STOCK/invalid-stock-does-not-follow/2023.md", "XY-STOCK-NORM", "t2/NORM/valid", "7", "9"),
    ("XY-ZERO/invalid-enforcement-to-zero/2023.md", "XY-ZERO", "t2/COE/n", "-", "0"),
    ("YR-FORMAT/invalid-2019-table-in-2023.md", "YR-FORMAT", "-", "-", "-"),
    ("YR-PERIOD-FULL/invalid-half-year.md", "YR-PERIOD-FULL", "-", "-", "-"),
    ("YR-PUB/invalid-department-in-march.md", "YR-PUB", "-", "-", "-"),
    ("YR-TEXT/invalid-last-years-sentence.md", "YR-TEXT", "-", "-", "-"),
    ("YR-TITLE-PERIOD/invalid-period-of-last-year.md", "YR-TITLE-PERIOD", "-", "-", "-"),
]


def main():
    if os.path.isdir(ROOT):
        shutil.rmtree(ROOT)
    fixtures = {}

    def add(rule, name, text, ext="md"):
        fixtures[f"{rule}/{name}.{ext}"] = text

    base = report()
    for rule in ["T3-ROW", "T3-OUT", "T3-BAL", "T3-CAP", "T3-EMPTY", "T4-RV", "T4-LD", "T4-LR", "T4-CNT",
                 "VAL-INT", "VAL-NEG", "VAL-FEE", "VAL-BLANK", "VAL-TEXT", "VAL-MAG", "STR-SHAPE", "STR-ROWS",
                 "STR-SECTIONS", "YR-TITLE-PERIOD", "YR-FORMAT", "PARSE-GLUED", "PARSE-AMBIGUOUS", "PARSE-ORDER",
                 "INPUT-NO-TABLES", "T3-LP", "T3-SUB"]:
        add(rule, "valid-consistent-report", base)

    # 表三 arithmetic.
    add("T3-ROW", "invalid-row-total-off-by-one", report(t3=modified(2, 6, 7)))
    add("T3-OUT", "invalid-outcome-added-to-a-row", report(t3=[r[:] for r in base_t3()][:3] + [[3, 0, 0, 0, 0, 0, 3]] + base_t3()[4:]))
    carry = base_t3(); carry[1][0] += 1; carry[1][6] += 1
    add("T3-BAL", "invalid-carry-in-does-not-balance", report(t3=carry))
    cap = base_t3(); cap[23][0] += 5; cap[23][6] += 5
    add("T3-CAP", "invalid-more-closed-than-received", report(t3=cap))
    empty = [[0] * 7 for _ in range(25)]; empty[24] = [1, 0, 0, 0, 0, 0, 1]
    add("T3-EMPTY", "invalid-carry-out-without-requests", report(t3=empty))
    add("T3-EMPTY", "valid-no-requests-at-all", report(t3=[[0] * 7 for _ in range(25)]))
    add("T3-LP", "valid-subtotal-column", report(t3=with_lp(base_t3()), lp=True))
    add("T3-LP", "invalid-subtotal-column-wrong", report(t3=with_lp(base_t3(), (2, 2)), lp=True))
    t = base_t3()
    sub = {4: ("（三）不予公开小计", [sum(t[r][c] for r in range(4, 12)) for c in range(7)])}
    add("T3-SUB", "valid-group-subtotal-row", report(subtotal_rows=None, extra_t3_rows={11: f"| 8.属于行政查询事项 | {' | '.join(map(str, t[11]))} |\n| 小计 | {' | '.join(str(sum(t[r][c] for r in range(4, 12))) for c in range(7))} |"}))
    # Near misses: one unit from the invalid cases, and consistent.
    add("T3-ROW", "valid-near-miss-row-total-and-a-part-one-more", report(t3=bumped(2, 0), narrative=""))
    add("T3-OUT", "valid-near-miss-outcome-and-its-totals-one-more", report(t3=bumped(3, 0), narrative=""))
    carry = base_t3(); carry[1][0] += 1; carry[1][6] += 1; carry[24][0] += 1; carry[24][6] += 1
    add("T3-BAL", "valid-near-miss-carried-in-and-out-one-more", report(t3=carry, narrative=""))
    cap = base_t3(); cap[24][0] -= 1; cap[24][6] -= 1; cap[0][0] -= 1; cap[0][6] -= 1
    add("T3-CAP", "valid-near-miss-all-received-closed", report(t3=cap, narrative=""))
    add("T3-LP", "valid-near-miss-organization-one-more", report(t3=with_lp(bumped(2, 1)), lp=True, narrative=""))
    near = bumped(5, 0)
    add("T3-SUB", "valid-near-miss-group-subtotal-one-more", report(t3=near, narrative="", extra_t3_rows={11: f"| 8.属于行政查询事项 | {' | '.join(map(str, near[11]))} |\n| 小计 | {' | '.join(str(sum(near[r][c] for r in range(4, 12))) for c in range(7))} |"}))
    add("T3-SUB", "invalid-group-subtotal-row-wrong", report(extra_t3_rows={11: f"| 8.属于行政查询事项 | {' | '.join(map(str, t[11]))} |\n| 小计 | {' | '.join(str(sum(t[r][c] for r in range(4, 12)) + (1 if c in (0, 6) else 0)) for c in range(7))} |"}))

    # 表四.
    add("T4-RV", "invalid-review-total-left-zero", report(t4=[10, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1]))
    add("T4-LD", "invalid-direct-litigation-total", report(t4=[1, 0, 1, 0, 2, 1, 1, 0, 0, 1, 0, 0, 0, 1, 1]))
    add("T4-LR", "invalid-litigation-after-review-total", report(t4=[1, 0, 1, 0, 2, 1, 0, 0, 0, 1, 5, 0, 0, 0, 0]))
    add("T4-RV", "valid-near-miss-review-one-more", report(t4=[2, 0, 1, 0, 3, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1], narrative=""))
    add("T4-LD", "valid-near-miss-direct-litigation-one-more", report(t4=[1, 0, 1, 0, 2, 1, 1, 0, 0, 2, 0, 0, 0, 1, 1], narrative=""))
    add("T4-LR", "valid-near-miss-litigation-after-review-one-more", report(t4=[1, 0, 1, 0, 2, 1, 0, 0, 0, 1, 1, 0, 0, 1, 2], narrative=""))
    add("T4-CNT", "invalid-fourteen-numbers", report(t4=[1, 0, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 1, 1]))

    # Values.
    frac = base_t3(); frac[2][0] = "4.5"; frac[2][1] = "1.5"
    add("VAL-INT", "invalid-fraction-in-a-count", report(t3=frac))
    neg = base_t3(); neg[16] = [-1, 0, 0, 0, 0, 0, -1]; neg[12] = [5, 0, 0, 0, 0, 0, 5]
    add("VAL-NEG", "invalid-negative-count", report(t3=neg))
    add("VAL-FEE", "invalid-fee-in-yuan", report(fee="125000元"))
    add("VAL-FEE", "valid-fee-converted-exactly", report(fee="24252.311082"))
    blank = base_t3(); blank[5][1] = None
    add("VAL-BLANK", "invalid-blank-cell", report(t3=blank))
    text = base_t3(); text[6][2] = "不适用"
    add("VAL-TEXT", "invalid-text-in-a-number-cell", report(t3=text))
    big = base_t3(); big[0][0] += 12345678; big[1][0] += 0; big[24][0] += 12345678
    for r in (0, 24):
        big[r][6] = sum(big[r][:6])
    add("VAL-MAG", "invalid-eight-digit-total", report(t3=big))

    # Structure.
    add("STR-SHAPE", "invalid-table-four-missing", report(omit=("t4",)))
    short = {5: "| 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 |"}
    add("STR-ROWS", "invalid-row-with-six-values", report(extra_t3_rows=short))
    unfilled = {k: f"| {label} |" for k, label in enumerate(T3_LABELS_2021)}
    add("STR-ROWS", "invalid-table-not-filled", report(extra_t3_rows=unfilled))
    heads = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
             "四、政府信息公开行政复议、行政诉讼情况", "", "六、其他需要报告的事项"]
    add("STR-SECTIONS", "invalid-section-five-missing", report(sections=heads))
    heads = ["一、总体情况", "一、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
             "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]
    add("STR-SECTIONS", "invalid-section-misnumbered", report(sections=heads))

    # Years.
    add("YR-TITLE-PERIOD", "invalid-period-of-last-year", report(title_year=2023, period_year=2022))
    labels, rows19 = t3_2019(base_t3())
    add("YR-FORMAT", "invalid-2019-table-in-2023", report(t3=rows19, t3_labels=labels))
    add("YR-FORMAT", "valid-2019-table-in-2020", report(title_year=2020, period_year=2020, t3=rows19, t3_labels=labels,
                                                        t2=None).replace("本年制发件数 | 本年废止件数 | 现行有效件数", "本年新制作数量 | 本年新公开数量 | 对外公开总数量"))

    # How tables were read.
    glued = "".join(
        f"{GROUP_BEFORE.get(k, '')}{label}{''.join(map(str, values))}" for k, (label, values) in enumerate(zip(T3_LABELS_2021, base_t3())))
    glued_text = (report(omit=("t3",)).replace("三、收到和处理政府信息公开申请情况\n",
                  "三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他" + glued + "\n"))
    add("PARSE-GLUED", "invalid-glued-rows", glued_text, "txt")
    add("PARSE-AMBIGUOUS", "invalid-glued-t2-row", report().replace("| 行政规范性文件 | 2 | 1 | 9 |", "行政规范性文件2119"))
    scrambled = base.replace("| 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
                             "2.其他法律行政法规禁\n止公开\n| 0 | 0 | 0 | 0 | 0 | 0 | 0 |")
    scrambled = scrambled.replace("| 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", "| 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n1.属于国家秘密")
    add("PARSE-ORDER", "invalid-labels-out-of-place", scrambled)
    add("INPUT-NO-TABLES", "invalid-narrative-only", "各位领导：\n今年我局认真做好政务公开工作，成效明显。\n")

    # Narrative against tables (preview rules). The base narrative agrees with the tables.
    for rule in ["NAR-RECV", "NAR-CARRYIN", "NAR-DONE", "NAR-CARRYOUT", "NAR-OUTCOME", "NAR-PCT", "NAR-ZERO-APP",
                 "NAR-REVIEW", "NAR-LIT", "NAR-ZERO-RL", "NAR-FEE", "NAR-FEE-STEP", "NAR-SEC6-FEE", "NAR-SEC5-EMPTY",
                 "T2-VALID-GE-MADE", "T2-RULE-LEVEL", "T2-FEE-UNIT", "T2-NARR-NORM", "T2-NARR-ENF", "YR-PERIOD-FULL",
                 "YR-PUB", "YR-TEXT", "STR-LABEL", "STR-NOTE", "STR-NAME", "HINT-LIT-WITHOUT-REVIEW",
                 "HINT-APPEALS-WITHOUT-REQUESTS", "HINT-OTHER-OUTCOME"]:
        add(rule, "valid-consistent-report", base)
    add("NAR-RECV", "invalid-received-twenty", report(narrative="全年共受理政府信息公开申请20件。"))
    add("NAR-CARRYIN", "invalid-carried-in-five", report(narrative="上年结转政府信息公开申请5件。"))
    add("NAR-DONE", "invalid-done-ten", report(narrative="全年办结政府信息公开申请10件。"))
    add("NAR-CARRYOUT", "invalid-three-carried-out", report(narrative="另有3件结转下年度继续办理。"))
    add("NAR-OUTCOME", "invalid-granted-or-partial", report(narrative="其中，予以公开及部分公开9件。"))
    add("NAR-PCT", "invalid-percent", report(narrative="其中，予以公开6件（占60%）。"))
    add("NAR-PCT", "valid-percent-rounded", report(narrative="其中，予以公开6件（占46.2%）。"))
    add("NAR-ZERO-APP", "invalid-no-applications", report(narrative="本年度未收到政府信息公开申请。"))
    add("NAR-REVIEW", "invalid-five-reviews", report(narrative="全年发生政府信息公开行政复议5件。"))
    add("NAR-LIT", "invalid-four-suits", report(narrative="全年发生政府信息公开行政诉讼4件。"))
    add("NAR-ZERO-RL", "invalid-no-cases", report(narrative="全年没有发生行政复议和行政诉讼案件。"))
    add("NAR-FEE", "invalid-fee-and-no-fee", report(narrative="全年收取信息处理费100元。"))
    add("NAR-FEE-STEP", "invalid-fifteen-yuan", report(narrative="全年收取信息处理费15元。", six="本年度收取信息处理费15元。"))
    add("NAR-SEC6-FEE", "invalid-section-six-silent", report(six="无。"))
    add("NAR-SEC5-EMPTY", "invalid-section-five-none", report(five="无。"))
    add("T2-VALID-GE-MADE", "invalid-valid-below-made", report(t2={"REG": [0, 0, 0], "NORM": [5, 0, 3], "LIC": 120, "PUN": 35, "COE": 0}))
    add("T2-RULE-LEVEL", "invalid-county-regulation", report(t2={"REG": [1, 0, 1], "NORM": [2, 1, 9], "LIC": 120, "PUN": 35, "COE": 0}))
    add("T2-FEE-UNIT", "invalid-info-fee-in-table", report(narrative="全年收取信息处理费120元。", six="本年度收取信息处理费120元。", fee="120"))
    add("T2-NARR-NORM", "invalid-norms-five", report(narrative="本年度制发行政规范性文件5件。"))
    add("T2-NARR-ENF", "invalid-penalties-forty", report(narrative="全年作出行政处罚决定40件。"))
    add("YR-PERIOD-FULL", "invalid-half-year", report(period="自2023年1月1日起至2023年6月30日止"))
    add("YR-PUB", "invalid-department-in-march", report(meta="发布日期: 2024-03-15"))
    add("YR-PUB", "valid-department-in-january", report(meta="发布日期: 2024-01-20"))
    add("YR-TEXT", "invalid-last-years-sentence", report(narrative="2022年，我局认真做好政务公开工作。"))
    add("STR-LABEL", "invalid-yuqi-typo", report(extra_t3_rows={20: f"| （六）其他处理 | 1.申请人无正当理由预期不补正、行政机关不再处理其政府信息公开申请 | {' | '.join('0' * 7)} |"}))
    add("STR-NOTE", "invalid-note-missing", report(note="情况说明"))
    add("STR-NAME", "invalid-other-units-name", report(meta="发布机构: 测试县交通运输局"))
    add("HINT-LIT-WITHOUT-REVIEW", "invalid-suit-after-no-review", report(t4=[0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1], narrative=""))
    add("HINT-APPEALS-WITHOUT-REQUESTS", "invalid-appeals-only", report(t3=[[0] * 7 for _ in range(25)], narrative=""))
    other = base_t3(); other[22] = [20, 0, 0, 0, 0, 0, 20]; other[23] = [x + (20 if i in (0, 6) else 0) for i, x in enumerate(other[23])]
    other[0] = [x + (20 if i in (0, 6) else 0) for i, x in enumerate(other[0])]
    add("HINT-OTHER-OUTCOME", "invalid-mostly-other", report(t3=other, narrative=""))

    # The pre-2019 statistics table.
    pre = pre2019()
    for rule in ["PRE-PART", "PRE-CUM", "PRE-SUM", "PRE-ROWS"]:
        add(rule, "valid-consistent-report", pre)
    add("PRE-PART", "valid-glued-columns", pre2019(glued=True))
    add("PRE-PART", "invalid-website-above-total", pre2019(values={"WEB": (130, 1400)}))
    add("PRE-CUM", "invalid-year-above-cumulative", pre2019(values={"RV": (2, 1)}))
    add("PRE-SUM", "invalid-requests-do-not-add-up", pre2019(values={"REQ": (6, 30)}))
    add("PRE-PART", "valid-near-miss-website-equals-total", pre2019(values={"WEB": (120, 1400), "GAZ": (0, 100)}))
    add("PRE-CUM", "valid-near-miss-year-equals-cumulative", pre2019(values={"RV": (1, 1)}))
    add("PRE-SUM", "valid-near-miss-requests-and-a-way-one-more", pre2019(values={"REQ": (6, 30), "F2F": (3, 10)}))
    add("PRE-ROWS", "invalid-unknown-indicator", pre2019(extra_rows=[("举办新闻发布会次数", "次", "PRESS")],
                                                          values={"PRESS": (3, 20)}))
    add("NAR-ACTIVE", "valid-consistent-report", pre)
    add("NAR-ACTIVE", "invalid-narrative-says-more", pre2019().replace("2016年全县主动公开政府信息120条", "2016年全县主动公开政府信息150条"))
    add("NAR-RECV", "invalid-pre2019-received-nine", pre2019(requests="全年共收到政府信息公开申请9条。"))
    add("NAR-RECV", "valid-pre2019-received-five", pre2019(requests="全年共收到政府信息公开申请5条，对申请的答复总数5条，其中同意公开答复数3条。"))
    # Across reports: a folder holds the reports checked together.
    add("PRE-CHAIN", "valid-consistent-years/2015", pre2019(year=2015, values={
        "ACT": (100, 1380), "WEB": (90, 1290), "GAZ": (10, 90), "REQ": (3, 25), "F2F": (1, 8), "NET": (1, 13),
        "POST": (1, 4), "ANS": (3, 25), "OPEN": (2, 17), "PART": (1, 4), "DENY": (0, 4), "RV": (1, 1)}))
    add("PRE-CHAIN", "valid-consistent-years/2016", pre)
    add("PRE-CHAIN", "invalid-cumulative-restarted/2015", pre2019(year=2015, values={
        "ACT": (100, 1380), "WEB": (90, 1290), "GAZ": (10, 90), "REQ": (3, 25), "F2F": (1, 8), "NET": (1, 13),
        "POST": (1, 4), "ANS": (3, 25), "OPEN": (2, 17), "PART": (1, 4), "DENY": (0, 4), "RV": (1, 1)}))
    add("PRE-CHAIN", "invalid-cumulative-restarted/2016", pre2019(values={"ACT": (120, 120), "WEB": (110, 110), "GAZ": (10, 10)}))

    # Across reports: 表三 carry-over, 表二 stock, copied narratives.
    add("XY-CARRY", "valid-consistent-years/2022", report(title_year=2022, period_year=2022, t3=t3_with(carry_out=2), narrative=""))
    add("XY-CARRY", "valid-consistent-years/2023", report(narrative=""))
    add("XY-CARRY", "invalid-carry-in-differs/2022", report(title_year=2022, period_year=2022, t3=t3_with(carry_out=3), narrative=""))
    add("XY-CARRY", "invalid-carry-in-differs/2023", report(narrative=""))
    add("XY-STOCK", "valid-consistent-years/2022", report(title_year=2022, period_year=2022, narrative="",
                                                         t2={"REG": [0, 0, 0], "NORM": [1, 0, 8], "LIC": 100, "PUN": 30, "COE": 0}))
    add("XY-STOCK", "valid-consistent-years/2023", report(narrative=""))
    add("XY-STOCK", "invalid-stock-does-not-follow/2022", report(title_year=2022, period_year=2022, narrative="",
                                                                t2={"REG": [0, 0, 0], "NORM": [1, 0, 6], "LIC": 100, "PUN": 30, "COE": 0}))
    add("XY-STOCK", "invalid-stock-does-not-follow/2023", report(narrative=""))
    # Across years: changes a reviewer would ask about (issue 16). Last year's 表二 and 表三
    # follow this year's (stock, carry-over), so only the hint's own cells differ.
    last_t2 = lambda **kw: dict({"REG": [0, 0, 0], "NORM": [1, 0, 8], "LIC": 120, "PUN": 35, "COE": 0}, **kw)
    last_year = lambda **kw: report(title_year=2022, period_year=2022, t3=t3_with(carry_out=2), narrative="",
                                    **dict({"t2": last_t2()}, **kw))
    add("XY-JUMP", "valid-consistent-years/2022", last_year(t2=last_t2(LIC=100)))
    add("XY-JUMP", "valid-consistent-years/2023", report(narrative=""))
    add("XY-JUMP", "invalid-licences-six-fold/2022", last_year(t2=last_t2(LIC=20)))
    add("XY-JUMP", "invalid-licences-six-fold/2023", report(narrative=""))
    add("XY-JUMP", "valid-near-miss-licences-five-fold/2022", last_year(t2=last_t2(LIC=24)))
    add("XY-JUMP", "valid-near-miss-licences-five-fold/2023", report(narrative=""))
    add("XY-ZERO", "valid-consistent-years/2022", last_year(t2=last_t2(COE=3)))
    add("XY-ZERO", "valid-near-miss-nine-to-zero/2022", last_year(t2=last_t2(COE=9)))
    add("XY-ZERO", "valid-near-miss-nine-to-zero/2023", report(narrative=""))
    add("XY-ZERO", "valid-consistent-years/2023", report(narrative=""))
    add("XY-ZERO", "invalid-enforcement-to-zero/2022", last_year(t2=last_t2(COE=12)))
    add("XY-ZERO", "invalid-enforcement-to-zero/2023", report(narrative=""))
    fixed_none = [3, 0, 2, 0, 5, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]
    fixed_most = [1, 3, 1, 0, 5, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]
    add("XY-FIXRATE", "valid-consistent-years/2022", last_year(t4=fixed_most))
    add("XY-FIXRATE", "valid-consistent-years/2023", report(narrative="", t4=fixed_most))
    add("XY-FIXRATE", "invalid-rate-jumps/2022", last_year(t4=fixed_none))
    add("XY-FIXRATE", "invalid-rate-jumps/2023", report(narrative="", t4=fixed_most))
    other_unit = lambda text: text.replace("测试县应急管理局", "测试县交通运输局")
    add("XY-DUP", "valid-different-units/a", report(narrative=STORY_A))
    add("XY-DUP", "valid-different-units/b", other_unit(report(narrative=STORY_B)))
    add("XY-DUP", "invalid-copied-from-another-unit/a", report(narrative=STORY_A))
    add("XY-DUP", "invalid-copied-from-another-unit/b", other_unit(report(narrative=STORY_A)))

    # A county's 汇总 report and its two units' reports: 表三 and 表四 are their sums.
    county = lambda text: text.replace("测试县应急管理局", "测试县人民政府")
    aggregate = "本报告数据为全县汇总数据，含县政府办公室及各部门。"
    double_t3 = [[2 * v for v in row] for row in base_t3()]
    double_t4 = [2 * v for v in [1, 0, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1]]
    broken_t3 = [row[:] for row in double_t3]
    broken_t3[2][0] += 1   # 予以公开·自然人 one more than the units' …
    broken_t3[2][6] += 1   # … and its row total, so the report itself still reconciles …
    broken_t3[23][0] += 1  # … down to （七）总计 …
    broken_t3[23][6] += 1
    broken_t3[0][0] += 1   # … and 本年新收.
    broken_t3[0][6] += 1
    for case, t3 in (("valid-units-add-up", double_t3), ("invalid-one-more-than-the-units", broken_t3)):
        add("HIER-SUM", f"{case}/county", county(report(narrative=aggregate, t3=t3, t4=double_t4)))
        add("HIER-SUM", f"{case}/unit-a", report(narrative=STORY_A))
        add("HIER-SUM", f"{case}/unit-b", other_unit(report(narrative=STORY_B)))

    # Input: bytes that are not a report, and a GBK file with one broken byte.
    fixtures["INPUT-UNREADABLE/invalid-pdf-file.pdf"] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
    fixtures["INPUT-UNREADABLE/valid-consistent-report.md"] = base
    gbk = base.encode("gb18030")
    at = gbk.index("政策解读".encode("gb18030"))
    fixtures["INPUT-DECODE/invalid-broken-gbk-byte.txt"] = gbk[:at] + b"\xff" + gbk[at:]
    fixtures["INPUT-DECODE/valid-gbk-report.txt"] = gbk

    # A Word document holding the report and then 140 000 more numbers on one line: more
    # words and numbers than are read (segment::MIN_TOKENS), compressed to a small file.
    fixtures["INPUT-TRUNCATED/invalid-report-followed-by-a-flood-of-numbers.docx"] = docx(
        base.splitlines() + ["0 " * 140_000])
    fixtures["INPUT-TRUNCATED/valid-consistent-report.md"] = base

    # Two reports in one text: the second's 表三 differs (one cell) and is not checked.
    add("STR-REPEAT", "invalid-two-reports-in-one-text", base + "\n" + report(t3=modified(2, 0, 6)))
    add("STR-REPEAT", "valid-consistent-report", base)
    add("STR-REPEAT", "valid-tables-printed-twice", base + "\n" + base)

    for path, text in sorted(fixtures.items()):
        full = os.path.join(ROOT, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        if isinstance(text, bytes):
            with open(full, "wb") as f:
                f.write(text)
            continue
        with open(full, "w", encoding="utf-8") as f:
            f.write(text if text.endswith("\n") else text + "\n")
    written = {os.path.splitext(path)[0] for path in fixtures} | set(fixtures)
    for fixture, *_ in EXPECTED:
        assert fixture in written, f"EXPECTED names no fixture: {fixture}"
    with open(os.path.join(ROOT, "..", "rules.expected.tsv"), "w", encoding="utf-8") as f:
        f.write("# fixture\tcheck id\tfirst cell\texpected\tfound (tools/gen_rule_fixtures.py)\n")
        f.writelines("\t".join(line) + "\n" for line in sorted(EXPECTED))
    print(f"{len(fixtures)} fixtures in {os.path.relpath(ROOT)}, {len(EXPECTED)} expectations")


def docx(paragraphs):
    """A minimal Word document with one paragraph per string (deflated, fixed timestamps)."""
    from xml.sax.saxutils import escape
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r></w:p>' for p in paragraphs)
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f'<w:body>{body}</w:body></w:document>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in [("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
                           ("word/document.xml", document)]:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, data.encode("utf-8"))
    return out.getvalue()


if __name__ == "__main__":
    main()
