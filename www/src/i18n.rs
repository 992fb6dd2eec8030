//! The page's own words in Simplified Chinese and English. Findings and rule documentation come
//! from the engine, in Chinese.

/// The interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lang {
    /// 简体中文 (the default).
    Zh,
    /// English.
    En,
}

/// A piece of interface text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Text {
    Title,
    Subtitle,
    Offline,
    Placeholder,
    Open,
    Sample,
    Clear,
    Print,
    DropHere,
    HtmlNote,
    FileNote,
    SampleNote,
    Verdict,
    Errors,
    Warnings,
    Infos,
    NoProblems,
    Findings,
    Detail,
    DetailHint,
    Source,
    SourceHint,
    Legend,
    LegendCulprit,
    LegendError,
    LegendBlank,
    LegendInferred,
    LegendMissing,
    T2,
    T3,
    T4,
    Applicants,
    NaturalPerson,
    Organizations,
    Total,
    Review,
    Litigation,
    Direct,
    AfterReview,
    InfoContent,
    Empty,
    Unreadable,
    Rule,
    Close,
    Version,
    Built,
    EngineHash,
    DevBuild,
    MessagesInChinese,
    Equations,
    RulesTouching,
    Suggestion,
    Checking,
    Language,
}

impl Lang {
    /// The text in this language.
    pub(crate) fn t(self, text: Text) -> &'static str {
        let (zh, en) = match text {
            Text::Title => ("勾稽", "Gouji"),
            Text::Subtitle => (
                "政府信息公开工作年度报告 表格核对",
                "Annual report table checker (政府信息公开工作年度报告)",
            ),
            Text::Offline => (
                "本页面完全在浏览器中运行：不联网，不上传，报告内容不会离开本机。",
                "Runs entirely in this browser: no network, no upload; nothing leaves this computer.",
            ),
            Text::Placeholder => (
                "在此粘贴年度报告全文（可直接从网页、Word、WPS 或 PDF 复制），或把 .txt / .html 文件拖到这里。",
                "Paste the whole annual report here (from a web page, Word, WPS or PDF), or drop a .txt / .html file.",
            ),
            Text::Open => ("打开文件", "Open file"),
            Text::Sample => ("示例", "Sample"),
            Text::Clear => ("清空", "Clear"),
            Text::Print => ("打印", "Print"),
            Text::DropHere => ("松开鼠标以打开文件", "Drop to open the file"),
            Text::HtmlNote => (
                "已按剪贴板中的表格结构（网页/Word 格式）读取。",
                "Read through the clipboard's table structure (HTML).",
            ),
            Text::FileNote => ("已打开文件：", "Opened file: "),
            Text::SampleNote => (
                "这是内置的示例报告。粘贴您的报告即可替换。",
                "This is the built-in sample report. Paste yours to replace it.",
            ),
            Text::Verdict => ("核对结论", "Verdict"),
            Text::Errors => ("错误", "errors"),
            Text::Warnings => ("警告", "warnings"),
            Text::Infos => ("提示", "notes"),
            Text::NoProblems => ("未发现问题。", "No problems found."),
            Text::Findings => ("发现的问题", "Findings"),
            Text::Detail => ("单元格详情", "Cell detail"),
            Text::DetailHint => (
                "点击或指向表中的单元格，查看它参与的勾稽关系。",
                "Click or point at a cell to see the sums it takes part in.",
            ),
            Text::Source => ("原文", "Original text"),
            Text::SourceHint => (
                "选中单元格后，这里标出它在原文中的位置。",
                "Select a cell to see where it is in the original text.",
            ),
            Text::Legend => ("图例", "Legend"),
            Text::LegendCulprit => ("最可能出错", "most likely wrong"),
            Text::LegendError => ("勾稽不一致", "in a broken sum"),
            Text::LegendBlank => ("空白", "blank"),
            Text::LegendInferred => ("推断值", "inferred"),
            Text::LegendMissing => ("未读取", "not read"),
            Text::T2 => ("表二 主动公开政府信息情况", "Table 2 · Proactive disclosure"),
            Text::T3 => (
                "表三 收到和处理政府信息公开申请情况",
                "Table 3 · Applications received and handled",
            ),
            Text::T4 => (
                "表四 政府信息公开行政复议、行政诉讼情况",
                "Table 4 · Administrative review and litigation",
            ),
            Text::Applicants => ("申请人情况", "Applicants"),
            Text::NaturalPerson => ("自然人", "Natural persons"),
            Text::Organizations => ("法人或其他组织", "Legal persons and other organizations"),
            Text::Total => ("总计", "Total"),
            Text::Review => ("行政复议", "Administrative review"),
            Text::Litigation => ("行政诉讼", "Administrative litigation"),
            Text::Direct => ("未经复议直接起诉", "Sued directly"),
            Text::AfterReview => ("复议后起诉", "Sued after review"),
            Text::InfoContent => ("信息内容", "Item"),
            Text::Empty => (
                "粘贴或打开一份年度报告，表格和核对结果会显示在这里。",
                "Paste or open a report; its tables and findings appear here.",
            ),
            Text::Unreadable => ("无法读取", "Cannot read this input"),
            Text::Rule => ("规则", "Rule"),
            Text::Close => ("关闭", "Close"),
            Text::Version => ("版本", "Version"),
            Text::Built => ("构建日期", "Built"),
            Text::EngineHash => ("引擎 SHA-256", "Engine SHA-256"),
            Text::DevBuild => ("开发版", "development build"),
            Text::MessagesInChinese => ("", "Findings and rule notes are written in Chinese."),
            Text::Equations => ("参与的勾稽关系", "Sums it takes part in"),
            Text::RulesTouching => ("涉及此单元格的问题", "Findings on this cell"),
            Text::Suggestion => ("建议", "Suggestion"),
            Text::Checking => ("正在检查…", "Checking…"),
            Text::Language => ("English", "中文"),
        };
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}
