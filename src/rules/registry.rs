//! Every rule, once: id, severity, status and the user documentation shown in the page and
//! printed by `gouji rule ID`. Findings carry concrete ids (`T3-BAL-NP`); their family
//! (`T3-BAL`) is what is registered here.

use crate::finding::Severity;

/// Whether a rule is settled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Stable: its id and meaning will not change.
    Stable,
    /// A new heuristic: shown as a hint, never counted as an error.
    Preview,
}

/// One rule family.
#[derive(Debug)]
pub struct Rule {
    /// The stable id, e.g. `T3-BAL`.
    pub id: &'static str,
    /// A kebab-case name that names the problem.
    pub name: &'static str,
    /// Severity of every finding of the rule.
    pub severity: Severity,
    /// Stable or preview.
    pub status: Status,
    /// One line in Chinese.
    pub title: &'static str,
    /// The documentation, Markdown in Chinese: 检查内容 / 为什么 / 如何修改 / 依据.
    pub doc: &'static str,
}

/// The registry, in display order.
pub static RULES: &[Rule] = &[
    Rule {
        id: "T3-ROW",
        name: "requests-row-total-mismatch",
        severity: Severity::Error,
        status: Status::Stable,
        title: "表三每一行的总计应等于各类申请人之和",
        doc: "## 检查内容\n表三每一行（如“一、本年新收”“（一）予以公开”）的“总计”列，应等于自然人与五类法人或其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）之和。\n\n## 为什么\n“总计”是同一行各类申请人的合计，这是表格本身的定义；不相等说明某个数字填错或漏填。\n\n## 如何修改\n逐一核对该行各列数字，改正填错的单元格；若某列为空，应填 0。\n\n## 依据\n国办公开办函〔2021〕30号 年度报告格式 表三（收到和处理政府信息公开申请情况）。",
    },
    Rule {
        id: "T3-OUT",
        name: "requests-outcome-total-mismatch",
        severity: Severity::Error,
        status: Status::Stable,
        title: "表三（七）总计应等于各项办理结果之和",
        doc: "## 检查内容\n表三每一列的“（七）总计”，应等于（一）予以公开、（二）部分公开、（三）不予公开 1–8、（四）无法提供 1–3、（五）不予处理 1–5、（六）其他处理（2021 年版为 1–3 三项，2019 年版为一项）之和。\n\n## 为什么\n每件申请只计入一种办理结果（表中“（二）部分公开”注明“只计这一情形，不计其他情形”），所以各项结果相加就是办结总数。\n\n## 如何修改\n核对各项办理结果和（七）总计，找出多计、漏计或重复计入的一项。\n\n## 依据\n国办公开办函〔2021〕30号 年度报告格式 表三“三、本年度办理结果”。",
    },
    Rule {
        id: "T3-BAL",
        name: "requests-balance-mismatch",
        severity: Severity::Error,
        status: Status::Stable,
        title: "表三：本年新收 + 上年结转 = 办理结果总计 + 结转下年度",
        doc: "## 检查内容\n表三每一列都应满足：一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理。\n\n## 为什么\n表三左上角的说明写明“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”：本年要处理的申请，要么已办结，要么结转到下一年。\n\n## 如何修改\n核对本年新收、上年结转（应等于上一年度报告的“结转下年度继续办理”）、（七）总计和结转下年度四个数。\n\n## 依据\n国办公开办函〔2021〕30号 年度报告格式 表三表头说明。",
    },
    Rule {
        id: "T3-CAP",
        name: "requests-more-closed-than-received",
        severity: Severity::Error,
        status: Status::Stable,
        title: "表三：办结数和结转数都不能超过受理总数",
        doc: "## 检查内容\n表三每一列的（七）总计和“结转下年度继续办理”，都不应超过本年新收与上年结转之和。\n\n## 为什么\n办结的和结转的申请都来自本年受理的申请（新收加上年结转），不可能更多。此项与勾稽关系一起报告，有助于判断哪个数字写错。\n\n## 如何修改\n核对超出的那个数字，以及本年新收、上年结转是否漏填。\n\n## 依据\n由表三勾稽关系和数值非负推出。",
    },
    Rule {
        id: "T3-EMPTY",
        name: "requests-results-without-requests",
        severity: Severity::Error,
        status: Status::Stable,
        title: "表三：没有受理申请，就不应有办理结果",
        doc: "## 检查内容\n若表三“总计”列的本年新收与上年结转都是 0，表三所有单元格都应为 0。\n\n## 为什么\n没有申请就不会有办理结果，也不会有结转。\n\n## 如何修改\n核对本年新收和上年结转是否漏填，或办理结果是否误填。\n\n## 依据\n由表三勾稽关系推出。",
    },
    Rule {
        id: "T3-LP",
        name: "requests-org-subtotal-mismatch",
        severity: Severity::Error,
        status: Status::Stable,
        title: "表三（地方样式）：法人或其他组织小计应等于五类组织之和",
        doc: "## 检查内容\n有些地方样式在表三增加了“法人或其他组织 小计”列。该列应等于商业企业、科研机构、社会公益组织、法律服务机构、其他五列之和，且总计 = 自然人 + 小计。\n\n## 为什么\n小计是五类组织的合计。\n\n## 如何修改\n核对该行五类组织的数字和小计。\n\n## 依据\n地方在国办格式基础上增加的小计列。",
    },
    Rule {
        id: "T3-SUB",
        name: "requests-group-subtotal-mismatch",
        severity: Severity::Error,
        status: Status::Stable,
        title: "表三（地方样式）：分组小计应等于其各项之和",
        doc: "## 检查内容\n有些地方样式为（三）不予公开、（四）无法提供、（五）不予处理、（六）其他处理增加了小计行。小计应等于该组各项之和。\n\n## 为什么\n小计是分组的合计。\n\n## 如何修改\n核对该组各项和小计。\n\n## 依据\n地方在国办格式基础上增加的小计行。",
    },
    Rule {
        id: "T4-RV",
        name: "review-total-mismatch",
        severity: Severity::Error,
        status: Status::Stable,
        title: "表四：行政复议总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
        doc: "## 检查内容\n表四“行政复议”的总计应等于结果维持、结果纠正、其他结果、尚未审结四项之和。\n\n## 为什么\n每件复议案件必属于四种情况之一。\n\n## 如何修改\n核对四项和总计；总计漏填（写成 0）是常见错误。\n\n## 依据\n国办公开办函〔2021〕30号 年度报告格式 表四。",
    },
    Rule {
        id: "T4-LD",
        name: "direct-litigation-total-mismatch",
        severity: Severity::Error,
        status: Status::Stable,
        title: "表四：未经复议直接起诉的总计应等于四项之和",
        doc: "## 检查内容\n表四“行政诉讼·未经复议直接起诉”的总计应等于结果维持、结果纠正、其他结果、尚未审结四项之和。\n\n## 为什么\n每件诉讼案件必属于四种情况之一。\n\n## 如何修改\n核对四项和总计。\n\n## 依据\n国办公开办函〔2021〕30号 年度报告格式 表四。",
    },
    Rule {
        id: "T4-LR",
        name: "litigation-after-review-total-mismatch",
        severity: Severity::Error,
        status: Status::Stable,
        title: "表四：复议后起诉的总计应等于四项之和",
        doc: "## 检查内容\n表四“行政诉讼·复议后起诉”的总计应等于结果维持、结果纠正、其他结果、尚未审结四项之和。\n\n## 为什么\n每件诉讼案件必属于四种情况之一。\n\n## 如何修改\n核对四项和总计。\n\n## 依据\n国办公开办函〔2021〕30号 年度报告格式 表四。",
    },
    Rule {
        id: "T4-CNT",
        name: "appeals-cell-count",
        severity: Severity::Warning,
        status: Status::Stable,
        title: "表四应有 15 个数字",
        doc: "## 检查内容\n表四的数据行应正好有 15 个数字：行政复议 5 个，未经复议直接起诉 5 个，复议后起诉 5 个。\n\n## 为什么\n多一个或少一个，说明有单元格被合并、漏填或错位（也可能是复制时丢失）；此时无法判断每个数字属于哪一列，本工具不会猜测，表四的三项勾稽无法检查，报告的结论为“未能完整核对”。\n\n## 如何修改\n核对表四，每个单元格填一个数字，空白处填 0。\n\n## 依据\n国办公开办函〔2021〕30号 年度报告格式 表四。",
    },
    Rule {
        id: "VAL-INT",
        name: "count-not-integer",
        severity: Severity::Error,
        status: Status::Stable,
        title: "件数必须是整数",
        doc: "## 检查内容\n表三、表四的所有单元格，以及表二中除“本年收费金额（万元）”外的单元格，都是件数，必须是整数。\n\n## 为什么\n申请、案件、文件都按件计数，不可能有小数。\n\n## 如何修改\n改为整数；若误把金额填入，请移到正确位置。\n\n## 依据\n年度报告格式各表的计量单位。",
    },
    Rule {
        id: "VAL-NEG",
        name: "count-negative",
        severity: Severity::Error,
        status: Status::Stable,
        title: "件数不能为负数",
        doc: "## 检查内容\n表三、表四和 2021 年版表二中不应出现负数（只有 2019 年版表二的“本年增/减”列可以为负）。\n\n## 为什么\n件数不可能小于 0。\n\n## 如何修改\n核对该单元格，改为正确的非负数。\n\n## 依据\n年度报告格式各表的计量单位。",
    },
    Rule {
        id: "VAL-FEE",
        name: "fee-unit-suspect",
        severity: Severity::Warning,
        status: Status::Stable,
        title: "行政事业性收费的单位是万元",
        doc: "## 检查内容\n表二“行政事业性收费 本年收费金额”的单位是万元。数字后写了“元”，或小数超过 6 位（比 1 分钱还细，不可能由元换算而来），往往是单位弄错了。\n\n## 为什么\n表头写明“（单位：万元）”。注意它与第六部分的“信息处理费”（单位为元）是两回事。按元精确换算的万元数最多有 6 位小数（如 24252.311082），这是正常的，不报告。\n\n## 如何修改\n换算为万元后填写（1 万元 = 10000 元）。\n\n## 依据\n国办公开办函〔2021〕30号 年度报告格式 表二 第二十条第（八）项。",
    },
    Rule {
        id: "VAL-BLANK",
        name: "blank-cell",
        severity: Severity::Warning,
        status: Status::Stable,
        title: "空白单元格应填 0",
        doc: "## 检查内容\n表中空白、“—”“/”“无”等单元格。本工具在计算勾稽关系时按 0 处理，但不会把它们当作已填写的 0。\n\n## 为什么\n审核单位通常要求“没有的填 0”：空白可能是漏填，也可能是复制时丢失了数字。\n\n## 如何修改\n确认为零的填写 0；确有数字的补上。\n\n## 依据\n各地政务公开办对年度报告“数据精确、格式规范”的要求。",
    },
    Rule {
        id: "VAL-TEXT",
        name: "text-in-number-cell",
        severity: Severity::Warning,
        status: Status::Stable,
        title: "数字单元格中有文字",
        doc: "## 检查内容\n应填数字的单元格里写了文字（如“不适用”“见附件”）。\n\n## 为什么\n文字无法参与勾稽计算，也不符合表格格式。\n\n## 如何修改\n改为数字；没有的填 0。\n\n## 依据\n年度报告格式各表。",
    },
    Rule {
        id: "VAL-MAG",
        name: "implausible-magnitude",
        severity: Severity::Info,
        status: Status::Stable,
        title: "数字大得不合常理",
        doc: "## 检查内容\n表三总计超过 1000 万件，或乡镇、街道一年受理 1 万件以上申请。\n\n## 为什么\n这样的数量极少见，常见原因是两个数字连在了一起或多打了一位。\n\n## 如何修改\n核对原始台账。\n\n## 依据\n经验判断。",
    },
    Rule {
        id: "STR-SHAPE",
        name: "table-missing",
        severity: Severity::Error,
        status: Status::Stable,
        title: "完整的报告缺少表二、表三或表四",
        doc: "## 检查内容\n一份完整的年度报告（有标题或各部分标题）应有表二（主动公开政府信息情况）、表三（收到和处理政府信息公开申请情况）和表四（政府信息公开行政复议、行政诉讼情况）。\n\n## 为什么\n《政府信息公开条例》第五十条和国办格式规定了这三张表，“不能遗漏”。\n\n## 如何修改\n按国办格式补上缺少的表。若表格在原文中是图片，请提供文字版本再检查。\n\n## 依据\n《政府信息公开条例》第五十条；国办公开办函〔2021〕30号（或〔2019〕60号）年度报告格式。",
    },
    Rule {
        id: "STR-ROWS",
        name: "table-rows-incomplete",
        severity: Severity::Warning,
        status: Status::Stable,
        title: "表格的行不全，或某行数字个数不对",
        doc: "## 检查内容\n表三应有 25 行 × 7 列（2019 年版 23 行），表二 10 个数（2019 年版 22 个）。找不到某行的标签，或某行读到的数字个数不对，在这里报告。\n\n## 为什么\n个数对不上时，无法确定每个数字属于哪一列；本工具不会猜测，该行不参与勾稽检查。原因可能是原表漏填或合并了单元格，也可能是复制粘贴时丢失了单元格。\n\n## 如何修改\n对照原表核实这一行；每个单元格填一个数字，空白处填 0。\n\n## 依据\n国办公开办函〔2021〕30号（或〔2019〕60号）年度报告格式。",
    },
    Rule {
        id: "STR-SECTIONS",
        name: "section-headings",
        severity: Severity::Warning,
        status: Status::Stable,
        title: "报告应有六个部分，按顺序编号",
        doc: "## 检查内容\n报告应依次有：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。\n\n## 为什么\n《政府信息公开条例》第五十条规定了年度报告的内容，国办格式要求“不能遗漏”。\n\n## 如何修改\n补上缺少的部分，按格式编号。\n\n## 依据\n《政府信息公开条例》第五十条；国办公开办函〔2021〕30号。",
    },
    Rule {
        id: "YR-TITLE-PERIOD",
        name: "title-year-vs-period",
        severity: Severity::Error,
        status: Status::Stable,
        title: "标题年份应与统计期限一致",
        doc: "## 检查内容\n标题中的年份（如“2023年政府信息公开工作年度报告”）应与正文“统计期限自X年1月1日至X年12月31日”中的年份一致。\n\n## 为什么\n年度报告报告的是上一年度的情况；年份不一致，多半是沿用了往年的模板没有改。\n\n## 如何修改\n改正标题或统计期限中的年份。\n\n## 依据\n《政府信息公开条例》第四十九条、第五十条。",
    },
    Rule {
        id: "YR-FORMAT",
        name: "outdated-format",
        severity: Severity::Warning,
        status: Status::Stable,
        title: "报告年份与所用格式不符",
        doc: "## 检查内容\n2021 年及以后的年度报告应使用国办公开办函〔2021〕30号格式（表三“（六）其他处理”分 3 项，表二为制发、废止、现行有效件数）；2019、2020 年度报告使用〔2019〕60号格式。\n\n## 为什么\n沿用旧格式说明报告套用了旧模板，部分数据口径不同。\n\n## 如何修改\n按新格式重新填写表二、表三。\n\n## 依据\n国办公开办函〔2021〕30号。",
    },
    Rule {
        id: "NAR-RECV",
        name: "narrative-received-mismatch",
        severity: Severity::Info,
        status: Status::Preview,
        title: "正文的收到申请数应与表三一致",
        doc: "## 检查内容\n正文“收到（受理）政府信息公开申请 N 件”中的 N，应等于表三“本年新收”的总计，或本年新收与上年结转之和（正文常把结转的一并计入）。（预览规则：按关键词读取正文，只作提示，不计为错误。）\n\n## 为什么\n正文与表格是同一组数据的两种说法，不一致会让读者无所适从。\n\n## 如何修改\n核对正文与表三，改正写错的一方。\n\n## 依据\n《政府信息公开条例》第五十条；国办公开办函〔2021〕30号要求年度报告“内容准确”。",
    },
    Rule {
        id: "NAR-CARRYIN",
        name: "narrative-carried-in-mismatch",
        severity: Severity::Info,
        status: Status::Preview,
        title: "正文的上年结转数应与表三一致",
        doc: "## 检查内容\n正文“上年结转 N 件”应等于表三“二、上年结转”的总计。（预览规则：按关键词读取正文，只作提示，不计为错误。）\n\n## 为什么\n正文与表格应一致。\n\n## 如何修改\n核对正文与表三。\n\n## 依据\n《政府信息公开条例》第五十条；国办公开办函〔2021〕30号要求年度报告“内容准确”。",
    },
    Rule {
        id: "NAR-DONE",
        name: "narrative-done-mismatch",
        severity: Severity::Info,
        status: Status::Preview,
        title: "正文的办结数应与表三（七）总计一致",
        doc: "## 检查内容\n正文“办结 N 件”应等于表三“（七）总计”的总计。（预览规则：按关键词读取正文，只作提示，不计为错误。）\n\n## 为什么\n正文与表格应一致。\n\n## 如何修改\n核对正文与表三。\n\n## 依据\n《政府信息公开条例》第五十条；国办公开办函〔2021〕30号要求年度报告“内容准确”。",
    },
    Rule {
        id: "NAR-CARRYOUT",
        name: "narrative-carried-out-mismatch",
        severity: Severity::Info,
        status: Status::Preview,
        title: "正文的结转下年度数应与表三一致",
        doc: "## 检查内容\n正文“结转下年度 N 件”（或“N 件结转下年度”）应等于表三“四、结转下年度继续办理”的总计。（预览规则：按关键词读取正文，只作提示，不计为错误。）\n\n## 为什么\n正文与表格应一致。\n\n## 如何修改\n核对正文与表三。\n\n## 依据\n《政府信息公开条例》第五十条；国办公开办函〔2021〕30号要求年度报告“内容准确”。",
    },
    Rule {
        id: "NAR-OUTCOME",
        name: "narrative-outcome-mismatch",
        severity: Severity::Info,
        status: Status::Preview,
        title: "正文的各类办理结果应与表三一致",
        doc: "## 检查内容\n正文中予以公开、部分公开、“予以公开及部分公开”、不予公开、无法提供、不予处理、其他处理的件数，应等于表三相应行（或各项之和）的总计。（预览规则：按关键词读取正文，只作提示，不计为错误。）\n\n## 为什么\n上海市人民政府办公厅2019年报曾写“予以公开及部分公开258件”，而其表三为 272 + 3 = 275：这类不一致审核时常被指出。\n\n## 如何修改\n核对正文与表三。\n\n## 依据\n《政府信息公开条例》第五十条；国办公开办函〔2021〕30号要求年度报告“内容准确”。",
    },
    Rule {
        id: "NAR-PCT",
        name: "narrative-percent-mismatch",
        severity: Severity::Info,
        status: Status::Preview,
        title: "正文的百分比应与件数一致",
        doc: "## 检查内容\n正文“N 件（占 x%）”中的比例，应等于 N 除以办结总数（或本年新收）按写出的位数四舍五入的结果。（预览规则：按关键词读取正文，只作提示，不计为错误。）\n\n## 为什么\n比例算错会让人怀疑数字本身。\n\n## 如何修改\n重新计算比例。\n\n## 依据\n《政府信息公开条例》第五十条；国办公开办函〔2021〕30号要求年度报告“内容准确”。",
    },
    Rule {
        id: "NAR-ZERO-APP",
        name: "narrative-no-applications-contradiction",
        severity: Severity::Info,
        status: Status::Preview,
        title: "正文说未收到申请，表三却有申请",
        doc: "## 检查内容\n正文说“未收到政府信息公开申请”，表三“本年新收”却不为 0。（预览规则：按关键词读取正文，只作提示，不计为错误。）\n\n## 为什么\n两者必有一错。\n\n## 如何修改\n核对正文与表三。\n\n## 依据\n《政府信息公开条例》第五十条；国办公开办函〔2021〕30号要求年度报告“内容准确”。",
    },
    Rule {
        id: "NAR-REVIEW",
        name: "narrative-review-mismatch",
        severity: Severity::Info,
        status: Status::Preview,
        title: "正文的行政复议数应与表四一致",
        doc: "## 检查内容\n正文“行政复议 N 件（起）”应等于表四行政复议的总计。（预览规则：按关键词读取正文，只作提示，不计为错误。）\n\n## 为什么\n正文与表格应一致。\n\n## 如何修改\n核对正文与表四。\n\n## 依据\n《政府信息公开条例》第五十条；国办公开办函〔2021〕30号要求年度报告“内容准确”。",
    },
    Rule {
        id: "NAR-LIT",
        name: "narrative-litigation-mismatch",
        severity: Severity::Info,
        status: Status::Preview,
        title: "正文的行政诉讼数应与表四一致",
        doc: "## 检查内容\n正文“行政诉讼 N 件（起）”应等于表四未经复议直接起诉与复议后起诉的总计之和。（预览规则：按关键词读取正文，只作提示，不计为错误。）\n\n## 为什么\n正文与表格应一致。\n\n## 如何修改\n核对正文与表四。\n\n## 依据\n《政府信息公开条例》第五十条；国办公开办函〔2021〕30号要求年度报告“内容准确”。",
    },
    Rule {
        id: "NAR-ZERO-RL",
        name: "narrative-no-cases-contradiction",
        severity: Severity::Info,
        status: Status::Preview,
        title: "正文说没有复议诉讼，表四却不为 0",
        doc: "## 检查内容\n正文说“没有（未发生）行政复议和行政诉讼”，表四的总计却不全为 0。（预览规则：按关键词读取正文，只作提示，不计为错误。）\n\n## 为什么\n两者必有一错。\n\n## 如何修改\n核对正文与表四。\n\n## 依据\n《政府信息公开条例》第五十条；国办公开办函〔2021〕30号要求年度报告“内容准确”。",
    },
    Rule {
        id: "NAR-FEE",
        name: "narrative-fee-inconsistent",
        severity: Severity::Info,
        status: Status::Preview,
        title: "正文各处的信息处理费应一致",
        doc: "## 检查内容\n第一部分和第六部分都可能写到信息处理费；各处金额应相同，不能一处写收取了、一处写未收取。（预览规则：按关键词读取正文，只作提示，不计为错误。）\n\n## 为什么\n同一数字前后矛盾。\n\n## 如何修改\n统一金额。\n\n## 依据\n《政府信息公开条例》第五十条；国办公开办函〔2021〕30号要求年度报告“内容准确”。",
    },
    Rule {
        id: "NAR-FEE-STEP",
        name: "fee-not-a-tariff-step",
        severity: Severity::Info,
        status: Status::Preview,
        title: "信息处理费通常是 10 元的整数倍",
        doc: "## 检查内容\n正文“收取信息处理费 N 元”中的 N 不是 10 的整数倍。（预览规则：按关键词读取正文，只作提示，不计为错误。）\n\n## 为什么\n《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的标准按件或按页计收，金额是 10 元的整数倍。\n\n## 如何修改\n核对收费金额。\n\n## 依据\n国办函〔2020〕109号。",
    },
    Rule {
        id: "NAR-SEC6-FEE",
        name: "section-six-without-fee",
        severity: Severity::Info,
        status: Status::Preview,
        title: "第六部分应说明信息处理费的收取情况",
        doc: "## 检查内容\n2021 年版格式的第六部分“其他需要报告的事项”应说明收取信息处理费的情况，没有收取也应写明。（预览规则：按关键词读取正文，只作提示，不计为错误。）\n\n## 为什么\n国办格式对第六部分的要求。\n\n## 如何修改\n补写信息处理费的收取情况。\n\n## 依据\n国办公开办函〔2021〕30号。",
    },
    Rule {
        id: "NAR-SEC5-EMPTY",
        name: "section-five-empty",
        severity: Severity::Info,
        status: Status::Preview,
        title: "第五部分不应空缺",
        doc: "## 检查内容\n第五部分“存在的主要问题及改进情况”只写“无”，或不足 10 个字。（预览规则：按关键词读取正文，只作提示，不计为错误。）\n\n## 为什么\n审核单位把这一部分空缺列为常见问题。\n\n## 如何修改\n写明存在的问题和改进措施。\n\n## 依据\n《政府信息公开条例》第五十条第（四）项。",
    },
    Rule {
        id: "T2-VALID-GE-MADE",
        name: "valid-fewer-than-made",
        severity: Severity::Info,
        status: Status::Preview,
        title: "表二现行有效件数通常不少于本年制发件数",
        doc: "## 检查内容\n表二“规章”“行政规范性文件”两行，现行有效件数少于本年制发件数。（预览规则：只作提示。）\n\n## 为什么\n本年制发的文件到年底通常仍然有效，除非当年就废止了。\n\n## 如何修改\n核对现行有效件数。\n\n## 依据\n国办公开办函〔2021〕30号 表二。",
    },
    Rule {
        id: "T2-RULE-LEVEL",
        name: "county-with-regulations",
        severity: Severity::Info,
        status: Status::Preview,
        title: "县级及以下单位不应有规章",
        doc: "## 检查内容\n单位名称表明是县级或以下（县、区、乡、镇、街道），表二“规章”一行却不为 0。（预览规则：只作提示。）\n\n## 为什么\n《立法法》规定规章由国务院部门和省、设区的市人民政府制定，县级及以下无规章制定权。\n\n## 如何修改\n改为 0，或核对是否把规范性文件填进了规章一行。\n\n## 依据\n《中华人民共和国立法法》第八十条、第八十二条。",
    },
    Rule {
        id: "T2-FEE-UNIT",
        name: "fee-unit-confusion",
        severity: Severity::Info,
        status: Status::Preview,
        title: "表二收费金额（万元）与正文金额（元）对不上",
        doc: "## 检查内容\n表二“行政事业性收费”（万元）恰好等于正文的信息处理费（元），或与正文写的行政事业性收费（元）换算后不符。（预览规则：只作提示。）\n\n## 为什么\n两种费用不是一回事，单位也不同，容易混填。\n\n## 如何修改\n表二按万元填写行政事业性收费；信息处理费只在正文说明。\n\n## 依据\n国办公开办函〔2021〕30号 表二 第二十条第（八）项。",
    },
    Rule {
        id: "T2-NARR-NORM",
        name: "narrative-norms-mismatch",
        severity: Severity::Info,
        status: Status::Preview,
        title: "正文的规范性文件数应与表二一致",
        doc: "## 检查内容\n正文“制发（出台、印发）规范性文件 N 件”或“未制定规范性文件”，应与表二“行政规范性文件·本年制发件数”一致。（预览规则：按关键词读取正文，只作提示，不计为错误。）\n\n## 为什么\n正文与表格应一致。\n\n## 如何修改\n核对正文与表二。\n\n## 依据\n《政府信息公开条例》第五十条；国办公开办函〔2021〕30号要求年度报告“内容准确”。",
    },
    Rule {
        id: "T2-NARR-ENF",
        name: "narrative-decisions-mismatch",
        severity: Severity::Info,
        status: Status::Preview,
        title: "正文的行政许可、处罚、强制决定数应与表二一致",
        doc: "## 检查内容\n正文写到的行政许可、行政处罚、行政强制决定件数，应与表二相应行一致。（预览规则：按关键词读取正文，只作提示，不计为错误。）\n\n## 为什么\n正文与表格应一致。\n\n## 如何修改\n核对正文与表二。\n\n## 依据\n《政府信息公开条例》第五十条；国办公开办函〔2021〕30号要求年度报告“内容准确”。",
    },
    Rule {
        id: "YR-PERIOD-FULL",
        name: "period-not-a-year",
        severity: Severity::Warning,
        status: Status::Stable,
        title: "统计期限应为完整的一年",
        doc: "## 检查内容\n统计期限应为报告年度的1月1日至12月31日。\n\n## 为什么\n年度报告统计的是一个完整的自然年度（如四川省地方标准 DB51/T 2660—2019 所定）。\n\n## 如何修改\n改正统计期限。\n\n## 依据\nDB51/T 2660—2019；《政府信息公开条例》第四十九条。",
    },
    Rule {
        id: "YR-PUB",
        name: "published-late",
        severity: Severity::Info,
        status: Status::Preview,
        title: "年度报告应按期公布",
        doc: "## 检查内容\n报告日期应在报告年度的次年：政府部门不晚于1月31日，本级人民政府不晚于3月31日（2019年以前按原《条例》均为3月31日）。单位类别按名称判断。（预览规则：只作提示。）\n\n## 为什么\n《政府信息公开条例》第四十九条规定了公布期限。\n\n## 如何修改\n按期公布；如日期写错请改正。\n\n## 依据\n《政府信息公开条例》第四十九条。",
    },
    Rule {
        id: "YR-TEXT",
        name: "wrong-year-in-narrative",
        severity: Severity::Info,
        status: Status::Preview,
        title: "正文不应讲其他年度的工作",
        doc: "## 检查内容\n以“上一年（或下一年）年份，我局（全区……）”开头、讲本单位工作的句子，例如 2023 年报中写“2022年，我局共受理……”。（预览规则：只作提示。）\n\n## 为什么\n这是照抄往年报告最常见的痕迹。\n\n## 如何修改\n改正年份或内容。\n\n## 依据\n国办公开办函〔2021〕30号“内容雷同”的问责要求。",
    },
    Rule {
        id: "STR-LABEL",
        name: "label-wording",
        severity: Severity::Info,
        status: Status::Stable,
        title: "表格标签与格式原文不符",
        doc: "## 检查内容\n表格标签或标题有已知的错字、漏字：“预期”应为“逾期”、“只计这一情况”应为“情形”、“其他法律行政止公开”漏字、“第二十条第（一）”缺“项”、标题“主动公开政府信息情”缺“况”等。\n\n## 为什么\n审核单位要求格式规范；错字也常说明表格是手工重录的。\n\n## 如何修改\n按格式原文改正。\n\n## 依据\n国办公开办函〔2021〕30号 年度报告格式。",
    },
    Rule {
        id: "STR-NOTE",
        name: "missing-balance-note",
        severity: Severity::Info,
        status: Status::Stable,
        title: "表三缺少勾稽关系说明",
        doc: "## 检查内容\n表三左上角应有“（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）”。\n\n## 为什么\n缺少这句说明，往往意味着表格是重新录入的。\n\n## 如何修改\n按格式补上说明。\n\n## 依据\n国办公开办函〔2021〕30号 表三。",
    },
    Rule {
        id: "STR-NAME",
        name: "unit-name-mismatch",
        severity: Severity::Info,
        status: Status::Preview,
        title: "标题中的单位应与发布机构一致",
        doc: "## 检查内容\n标题中的单位名称与网页的“发布机构”不一致。（预览规则：只作提示。）\n\n## 为什么\n套用其他单位的报告时，常常留下别的单位名称。\n\n## 如何修改\n核对单位名称。\n\n## 依据\n国办公开办函〔2021〕30号“内容雷同”的问责要求。",
    },
    Rule {
        id: "HINT-LIT-WITHOUT-REVIEW",
        name: "litigation-after-review-without-review",
        severity: Severity::Info,
        status: Status::Preview,
        title: "有复议后起诉，却没有行政复议",
        doc: "## 检查内容\n表四“复议后起诉”不为 0，而本年行政复议总计为 0。（预览规则：只作提示。）\n\n## 为什么\n复议可能发生在上一年度，这是允许的；但也可能漏填了行政复议。\n\n## 如何修改\n核对行政复议一栏；如复议在往年，可在正文说明。\n\n## 依据\nRULEBOOK §2.10。",
    },
    Rule {
        id: "HINT-APPEALS-WITHOUT-REQUESTS",
        name: "appeals-without-requests",
        severity: Severity::Info,
        status: Status::Preview,
        title: "没有申请，却有复议诉讼",
        doc: "## 检查内容\n表三本年新收与上年结转都是 0，表四却有行政复议或行政诉讼。（预览规则：只作提示。）\n\n## 为什么\n案件可能源于往年的申请，这是允许的。\n\n## 如何修改\n如案件源于往年，可在正文说明。\n\n## 依据\nRULEBOOK §2.10。",
    },
    Rule {
        id: "HINT-OTHER-OUTCOME",
        name: "outcomes-mostly-other",
        severity: Severity::Info,
        status: Status::Preview,
        title: "“其他”处理占多数",
        doc: "## 检查内容\n表三（六）其他处理中“3.其他”占办结总数的一半或以上。（预览规则：只作提示。）\n\n## 为什么\n审核单位通常会问“其他”具体指什么。\n\n## 如何修改\n在正文中说明这些申请的处理方式（如申请人撤回）。\n\n## 依据\nRULEBOOK §2.10。",
    },
    Rule {
        id: "PARSE-GLUED",
        name: "glued-digits-inferred",
        severity: Severity::Info,
        status: Status::Stable,
        title: "数字连在一起，已按表内合计推断拆分",
        doc: "## 检查内容\n有的文本丢失了单元格之间的分隔，一行数字连成一串（如“640020470”）。本工具按“数字不以 0 开头”和该行的合计关系找出唯一的拆分（64、0、0、2、0、4、70），并把这些单元格标为“推断值”。\n\n## 为什么\n拆分时已经假定了行合计成立，所以这些合计关系不再能被验证；其他勾稽关系仍照常检查。\n\n## 如何修改\n无需修改报告；如需确认，请对照原始网页或文件。\n\n## 依据\n本工具的读取方法。",
    },
    Rule {
        id: "PARSE-AMBIGUOUS",
        name: "glued-digits-ambiguous",
        severity: Severity::Warning,
        status: Status::Stable,
        title: "数字连在一起，无法唯一拆分",
        doc: "## 检查内容\n一行数字连成一串，而且有不止一种拆分都符合表格规则（例如表二没有合计关系可用）。本工具不猜测，这些单元格记为“无法确定”，相关检查无法进行。\n\n## 为什么\n任何一种选择都可能是错的。\n\n## 如何修改\n请对照原始文件核对这一行，或复制带有表格分隔的版本（如网页表格）重新检查。\n\n## 依据\n本工具的读取方法。",
    },
    Rule {
        id: "PARSE-ORDER",
        name: "rows-matched-by-position",
        severity: Severity::Info,
        status: Status::Stable,
        title: "部分行按位置对应",
        doc: "## 检查内容\n表格文字错位（如 PDF 转换后行标签与数字分离），或某些行的标签缺失。本工具按行的顺序把数字对应到行，并在此说明。\n\n## 为什么\n按位置对应时，若原表本身缺行，结果会整体错位；请留意。\n\n## 如何修改\n无需修改报告；如需确认，请对照原始文件。\n\n## 依据\n本工具的读取方法。",
    },
    Rule {
        id: "INPUT-UNREADABLE",
        name: "unreadable-input",
        severity: Severity::Error,
        status: Status::Stable,
        title: "无法读取输入",
        doc: "## 检查内容\n输入不是可识别的文本、网页、Word（.docx）文件或文字版 PDF，例如扫描版（图片）或加密的 PDF、旧版 Word（.doc）、Excel、图片、压缩包或程序文件；或者是已损坏、加密、解压后过大的 Word 文件；或者是空的。\n\n## 为什么\n本工具读取文本、网页、Word（.docx）文件和文字版 PDF 中的表格；扫描版 PDF 只有图片，没有文字可读。\n\n## 如何修改\n打开原文件，全选复制报告内容后粘贴；或把网页另存为 .html、把 Word 文件另存为 .docx 后打开；扫描版 PDF 请找到文字版，或用 OCR 软件识别后复制粘贴。\n\n## 依据\n本工具的输入要求。",
    },
    Rule {
        id: "INPUT-DECODE",
        name: "undecodable-characters",
        severity: Severity::Warning,
        status: Status::Stable,
        title: "部分字符无法解码",
        doc: "## 检查内容\n文件中有字节无法按 UTF-8、GBK 或 UTF-16 解码，或 PDF 中有字符的字体没有提供字符对照表（ToUnicode），已用“�”代替。\n\n## 为什么\n乱码处的数字或标签可能读错或缺失。\n\n## 如何修改\n文本文件：用记事本或 WPS 打开，另存为 UTF-8 编码后重新检查。PDF：对照原文核对“�”附近的表格数字，或找到报告的文字版。\n\n## 依据\n本工具的输入要求。",
    },
    Rule {
        id: "INPUT-TRUNCATED",
        name: "input-truncated",
        severity: Severity::Warning,
        status: Status::Stable,
        title: "输入过长，只检查了前一部分",
        doc: "## 检查内容\n文件或粘贴的文字远远超过一份年度报告的篇幅（例如许多份报告、大量数据或重复内容合在一起），本工具只读取前一部分并检查其中的表格，其后的内容没有读取。读取的上限是十几万个词和数字（文字很多时按篇幅增加），或 PDF、网页、Word 文件中的文字不超过文件本身的篇幅（PDF 最多 16 MB）。\n\n## 为什么\n为了在任何输入上都能很快给出结果、不占用过多内存，读取的分量有上限；一份真实的年度报告只有几百到几千个词和数字，远在上限之内。\n\n## 如何修改\n每次检查一份报告：把报告分开保存后逐份检查，或一次打开一个文件夹；确认没有选错文件。\n\n## 依据\n本工具的输入要求。",
    },
    Rule {
        id: "NAR-ACTIVE",
        name: "narrative-proactive-count-differs",
        severity: Severity::Info,
        status: Status::Preview,
        title: "正文的主动公开数应与统计表一致（2019 年以前）",
        doc: "## 检查内容\n2019 年以前的报告，正文写的全年主动公开政府信息数（如“2018年全区主动公开政府信息2069条”）应等于统计表“主动公开信息数”的本年度数。只比较说全年总数的句子，不比较各乡镇、各部门或网站的分项。\n\n## 为什么\n正文和统计表说的是同一个数；不一致时，读者不知道该信哪一个。\n\n## 如何修改\n核对正文和统计表，改正不一致的一方。\n\n## 依据\n本规则书 §3.2 第（3）项（正文与统计表的数字）。",
    },
    Rule {
        id: "PRE-PART",
        name: "stats-part-exceeds-indicator",
        severity: Severity::Error,
        status: Status::Stable,
        title: "2019 年以前的统计表：“其中”分项不能大于总数",
        doc: "## 检查内容\n2019 年以前的政府信息公开情况统计表中，“其中”下列出的各项（如政府网站公开数、当面申请数、同意公开答复数）都不应大于它所属的指标（主动公开信息数、受理申请总数、答复总数），本年度和历年累计两列分别检查。\n\n## 为什么\n“其中”是总数的一部分，一部分不可能比整体还多。出现这种情况，多半是总数漏加、分项填错行，或两列数字错位。\n\n## 如何修改\n核对这一分项和它所属的总数，改正填错的一个。\n\n## 依据\n旧《政府信息公开条例》第三十一条、第三十二条及各省统计表；本规则书 §3.2 第（2）项。",
    },
    Rule {
        id: "PRE-CUM",
        name: "stats-year-exceeds-cumulative",
        severity: Severity::Error,
        status: Status::Stable,
        title: "2019 年以前的统计表：本年度不能大于历年累计",
        doc: "## 检查内容\n统计表同一指标的“本年度”不应大于“历年累计”。\n\n## 为什么\n历年累计是历年数字之和，本年度是其中一年，不可能更大。出现这种情况，通常是两列填反，或历年累计没有加上本年度。\n\n## 如何修改\n核对这一行的两列数字；历年累计应等于上一年度报告的历年累计加本年度。\n\n## 依据\n统计表“本年度”“历年累计”两列的定义；本规则书 §3.2。",
    },
    Rule {
        id: "PRE-SUM",
        name: "stats-parts-do-not-add-up",
        severity: Severity::Warning,
        status: Status::Stable,
        title: "2019 年以前的统计表：分项之和应等于总数",
        doc: "## 检查内容\n受理申请总数应等于各种申请方式（当面、传真、电子邮件、网上、信函、其他形式）之和；对申请的答复总数应等于各类答复（同意公开、同意部分公开、不予（否决）公开、其他类型）之和。本年度和历年累计两列分别检查。\n\n## 为什么\n这两组“其中”通常把总数完整地分成几类，每件申请只属于一种方式、每个答复只属于一种类型。各地统计表并不都列全所有类别，所以本规则是警告，不是错误。\n\n## 如何修改\n核对各分项和总数；若表中确实没有列出全部类别，可忽略本条。\n\n## 依据\n本规则书 §3.2 第（1）项。",
    },
    Rule {
        id: "PRE-ROWS",
        name: "stats-unknown-indicators",
        severity: Severity::Info,
        status: Status::Stable,
        title: "2019 年以前的统计表：有未检查的指标",
        doc: "## 检查内容\n统计表中不在常见指标之列的行（如回应解读、会议培训、机构经费等）会被读过，但不做检查。\n\n## 为什么\n2019 年以前没有全国统一的表格，各省统计表的指标各不相同；本工具只检查含义确定的指标，不猜测其他行的关系。\n\n## 如何修改\n无需修改；这些行请人工核对。\n\n## 依据\n本规则书 §3.2。",
    },
    Rule {
        id: "PRE-CHAIN",
        name: "stats-cumulative-chain-broken",
        severity: Severity::Info,
        status: Status::Preview,
        title: "2019 年以前的统计表：本年度的历年累计应等于上年的历年累计加本年度",
        doc: "## 检查内容\n同时检查同一单位相邻两年的报告时，今年统计表的“历年累计”应等于去年报告的“历年累计”加今年的“本年度”。单位按报告标题中的名称匹配。\n\n## 为什么\n历年累计是逐年累加的；接不上说明某一年的数字填错，或统计口径改变（如机构合并）而报告没有说明。\n\n## 如何修改\n核对两份报告的历年累计和本年度；口径确有改变的，应在报告中说明。\n\n## 依据\n本规则书 §3.2（本年加上年历年累计的链式关系）。",
    },
    Rule {
        id: "XY-CARRY",
        name: "carry-over-differs-from-last-year",
        severity: Severity::Warning,
        status: Status::Stable,
        title: "跨年度：上年结转应等于上一年度报告的结转下年度继续办理",
        doc: "## 检查内容\n同时检查同一单位相邻两年的报告时，今年表三“二、上年结转政府信息公开申请数量”的每一列，应等于去年报告表三“四、结转下年度继续办理”的同一列。单位按报告标题中的名称匹配。\n\n## 为什么\n去年没有办完、结转到今年的申请，就是今年的上年结转，两个数说的是同一批申请。\n\n## 如何修改\n核对两份报告；通常是今年的上年结转漏填、或去年的结转数填错。单位名称若有变更，请人工确认是否为同一单位。\n\n## 依据\n国办公开办函〔2021〕30号 表三；本规则书 §2.8 XY-CARRY。",
    },
    Rule {
        id: "XY-STOCK",
        name: "valid-documents-do-not-follow-last-year",
        severity: Severity::Info,
        status: Status::Preview,
        title: "跨年度：现行有效件数应约等于上年的加本年制发减本年废止",
        doc: "## 检查内容\n同时检查同一单位相邻两年的报告时（均为 2021 年版表二），今年表二规章、行政规范性文件的“现行有效件数”，应等于去年的现行有效件数加今年的本年制发件数减本年废止件数。\n\n## 为什么\n现行有效的文件只会因制发而增加、因废止而减少。修改、重新清理也会造成差异，所以这是提示而不是错误。\n\n## 如何修改\n核对三个数；口径有调整的，应在报告中说明。\n\n## 依据\n本规则书 §2.5 T2-STOCK-FLOW、§2.8 XY-STOCK。",
    },
    Rule {
        id: "XY-DUP",
        name: "narrative-copied",
        severity: Severity::Info,
        status: Status::Preview,
        title: "跨报告：正文与另一份报告几乎相同",
        doc: "## 检查内容\n同时检查多份报告时，比较表格以外的正文：按连续 8 个字为单位（不计数字、空格和标点），两份报告的正文有 80% 以上相同，就提示较晚（或排在后面）的那一份。包括同一单位的上一年报告和其他单位的报告。\n\n## 为什么\n评估中常见年报照抄上一年或照抄其他单位，只改了年份和数字；这样的正文不能反映本年度、本单位的工作。\n\n## 如何修改\n按本年度（本单位）的实际工作重写正文。\n\n## 依据\n本规则书 §2.8 XY-DUP。",
    },
    Rule {
        id: "XY-JUMP",
        name: "count-changed-more-than-five-fold",
        severity: Severity::Info,
        status: Status::Preview,
        title: "跨年度：一个数比上年增减超过五倍",
        doc: "## 检查内容\n同时检查同一单位相邻两年的报告时，比较两年同一单元格的数：上年至少为 10，今年大于上年的 5 倍，或不到上年的五分之一（但不为 0），就提示。比较的单元格：表三“总计”列各行和“本年新收”行各类申请人，表四“总计”“结果纠正”列，表二各件数，2019 年以前统计表的“本年度”列（历年累计由 PRE-CHAIN 检查）。（预览规则：只作提示。）\n\n## 为什么\n工作量一年内变化五倍以上并不常见，常见的原因是填错（多写或少写一位、填到了别的行或列）；属实的变化，审核单位也会问原因。\n\n## 如何修改\n核对两年的这个数；变化属实的，在正文中说明原因。\n\n## 依据\n本规则书 §2.8（跨报告比较）；issue 16。",
    },
    Rule {
        id: "XY-ZERO",
        name: "count-from-many-to-zero",
        severity: Severity::Info,
        status: Status::Preview,
        title: "跨年度：一类数从很多变为 0，或从 0 变为很多",
        doc: "## 检查内容\n同时检查同一单位相邻两年的报告时，同一单元格上年至少为 10 而今年为 0，或上年为 0 而今年至少为 10，就提示。比较的单元格与 XY-JUMP 相同。（预览规则：只作提示。）\n\n## 为什么\n一类申请、一种办理结果或一类案件从很多突然变为没有（或反过来），常见的原因是漏填、填错行，或统计口径变了。\n\n## 如何修改\n核对两年的这一行；口径有变的，在正文中说明。\n\n## 依据\n本规则书 §2.8（跨报告比较）；issue 16。",
    },
    Rule {
        id: "XY-FIXRATE",
        name: "correction-rate-jumped",
        severity: Severity::Info,
        status: Status::Preview,
        title: "跨年度：表四的纠正率大幅变化",
        doc: "## 检查内容\n同时检查同一单位相邻两年的报告时，计算表四的纠正率：行政复议、未经复议直接起诉、复议后起诉三组的“结果纠正”之和，除以三组已审结（结果维持 + 结果纠正 + 其他结果）之和。两年都至少有 5 件已审结、纠正率相差 30 个百分点以上，就提示。（预览规则：只作提示。）\n\n## 为什么\n被纠正的比例反映依申请公开答复的质量；大幅上升值得分析原因，大幅下降或上升也可能是把案件填错了栏。\n\n## 如何修改\n核对表四各栏；属实的，在正文中分析被纠正的原因和整改情况。\n\n## 依据\n本规则书 §2.8（跨报告比较）；issue 16。",
    },
    Rule {
        id: "HIER-SUM",
        name: "aggregate-differs-from-its-units",
        severity: Severity::Warning,
        status: Status::Preview,
        title: "汇总报告：表三、表四应等于同批次下级单位报告之和",
        doc: "## 检查内容\n报告正文称其数据为汇总数据（如“全区汇总”“汇总了全市各部门”），且同一批次中有同年度、名称以本地区名开头的下级单位报告（如“洪泽区人民政府”与“洪泽区发展和改革委员会”）时，本报告表三、表四的每个单元格应等于这些下级报告同一单元格之和。不符的按行列出。\n\n## 为什么\n汇总报告的数字由下级单位的数字相加而来；不符说明漏加、重复或抄错。只有载入了全部下级单位的报告，这项比较才完整，所以这是警告而不是错误。\n\n## 如何修改\n先确认已载入全部下级单位的报告；再逐项核对汇总表。本级政府报告如只统计本级机关，请忽略。\n\n## 依据\n本规则书 §2.8 HIER-SUM（层级汇总一致性）。",
    },
    Rule {
        id: "STR-REPEAT",
        name: "second-table-three",
        severity: Severity::Warning,
        status: Status::Preview,
        title: "文本中有第二份不同的表三，未核对",
        doc: "## 检查内容\n在读取的表三之后，文本中还有一份表三（大部分单元格有数字），而且其中有数字与第一份不同。\n\n## 为什么\n常见原因是两份报告（两个单位或两个年度）粘贴或保存在了同一份文本里。本工具每次核对一份报告，只核对第一份表格；第二份没有检查，所以结论不能是“通过”。两份完全相同的表格（表格重复印了一次）不报告。\n\n## 如何修改\n把两份报告分开，分别检查；若第二份表格是同一份报告的更正版，请删去旧的那份。\n\n## 依据\n国办公开办函〔2021〕30号：每份年度报告一套表二、表三、表四。",
    },
    Rule {
        id: "INPUT-NO-TABLES",
        name: "no-report-tables",
        severity: Severity::Info,
        status: Status::Stable,
        title: "未识别到年度报告表格",
        doc: "## 检查内容\n文本中没有找到表二、表三、表四，或者是 2019 年以前的统计表格式。\n\n## 为什么\n本工具检查 2019 年版和 2021 年版国办格式的表格；早期报告的统计表各地不一。\n\n## 如何修改\n确认粘贴的是完整的年度报告（含表格）。\n\n## 依据\n国办公开办函〔2019〕60号、〔2021〕30号。",
    },
];

/// The rule of a concrete id (`T3-BAL-NP` → `T3-BAL`) or of a family id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .filter(|rule| {
            id == rule.id || id.strip_prefix(rule.id).is_some_and(|rest| rest.starts_with('-'))
        })
        .max_by_key(|rule| rule.id.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_docs_complete() {
        let mut ids = std::collections::BTreeSet::new();
        for rule in RULES {
            assert!(ids.insert(rule.id), "duplicate id {}", rule.id);
            assert!(rule.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}", rule.name);
            for heading in ["## 检查内容", "## 为什么", "## 如何修改", "## 依据"] {
                assert!(rule.doc.contains(heading), "{} lacks {heading}", rule.id);
            }
        }
        assert_eq!(rule("T3-BAL-NP").map(|r| r.id), Some("T3-BAL"));
        assert_eq!(rule("T3-ROW-R3.3.1").map(|r| r.id), Some("T3-ROW"));
        assert_eq!(rule("YR-TITLE-PERIOD").map(|r| r.id), Some("YR-TITLE-PERIOD"));
        assert_eq!(rule("T4-RV").map(|r| r.id), Some("T4-RV"));
        assert!(rule("NOPE").is_none());
    }
}
