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
    Counted,
    GapSep,
    Parenthesized,
    Labelled,
    ListSep,
    IconReview,
    OldT3,
    CompareYearsOf,
    CompareHintMark,
    CompareYearList,
    ComparePair,
    CompareLinkCount,
    CompareBrokenLink,
    CompareShouldBe,
    CompareUnitsOf,
    NoTablesFound,
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
    Source,
    SourceHint,
    Legend,
    LegendCulprit,
    LegendError,
    LegendRelated,
    LegendEdited,
    EditedBar,
    RevertAll,
    Revert,
    DownloadCorrected,
    CopyTables,
    Copied,
    ApplyFix,
    TryFix,
    WasValue,
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
    SectionT2,
    SectionT3,
    SectionT4,
    Empty,
    Unreadable,
    Rule,
    Close,
    Version,
    Built,
    EngineHash,
    DevBuild,
    MessagesInChinese,
    Suggestion,
    Checking,
    Rechecking,
    Language,
    Preview,
    PreviewNote,
    Stable,
    Example,
    ExampleFails,
    ExamplePasses,
    ExampleResult,
    Coverage,
    Verified,
    Ignored,
    MarkVerified,
    MarkIgnored,
    Undo,
    Confirm,
    Cancel,
    ReasonPlaceholder,
    Decided,
    ExportDecisions,
    ImportDecisions,
    StaleDecisions,
    Stats,
    Indicator,
    StatsNote,
    OpenFolder,
    BatchTitle,
    BatchReports,
    BatchWithErrors,
    BatchFilter,
    BatchErrorsOnly,
    BatchFile,
    BatchAgency,
    BatchYear,
    BatchTemplate,
    ExportCsv,
    ExportJson,
    BackToList,
    BatchNote,
    Mistakes,
    WarningsTitle,
    InfosTitle,
    OtherZeros,
    AreZero,
    NoSums,
    TablesLabel,
    InputLabel,
    FoldInput,
    EditInput,
    Pasted,
    LeaveBatch,
    DiscardBatch,
    HowTitle,
    HowPaste,
    HowOpen,
    HowRead,
    NoReport,
    TrySample,
    ResultsLabel,
    FillTitle,
    FillLastYear,
    FillDocx,
    FillClear,
    FillHint,
    ModeCheck,
    ModeFill,
    CompareTitle,
    CompareYears,
    CompareUnits,
    CompareShow,
    CompareNothing,
    CompareNoYears,
    CompareNoUnits,
    CompareLinks,
    CompareBroken,
    CompareHints,
    CompareCopied,
    CompareCopiedNote,
    CompareGap,
    CompareLegend,
    CompareNoCells,
    CompareUnit,
    CompareMedian,
    CompareTotal,
    CompareAggregate,
    CompareAggregateUnits,
    CompareFarNote,
    ExportUnitsCsv,
    SaveFailed,
    CopyFailed,
    FileTooLarge,
    TablesDocxSaved,
    FileCount,
    CharCount,
    SampleLoaded,
    Cleared,
    BatchLost,
    NotANumberCell,
    NotANumber,
    DecisionsImported,
    DecisionsRefused,
    CarriedFrom,
    CarriedNone,
    CarriedNote,
    FillAgency,
    FillAgencyExample,
    FillYear,
    FillComputed,
    FillCarriedCell,
    SuggestionFor,
    TypeOver,
    CellWas,
    ReportCount,
    PrintFile,
    MoreCells,
    FormatChanged2021,
    FormatChanged2019,
}

impl Lang {
    /// The text in this language with its `{}` filled in, in order, by `args`.
    pub(crate) fn f(self, text: Text, args: &[&dyn std::fmt::Display]) -> String {
        let mut out = String::new();
        let mut args = args.iter();
        for (k, piece) in self.t(text).split("{}").enumerate() {
            if k > 0
                && let Some(arg) = args.next()
            {
                out.push_str(&arg.to_string());
            }
            out.push_str(piece);
        }
        out
    }

    /// The text in this language.
    pub(crate) fn t(self, text: Text) -> &'static str {
        let (zh, en) = match text {
            Text::Title => ("勾稽", "Gouji"),
            Text::Counted => ("{}（{}）", "{} ({})"),
            Text::Parenthesized => ("（{}）", " ({})"),
            Text::Labelled => ("{}：", "{}: "),
            Text::ListSep => ("、", ", "),
            Text::GapSep => ("；", "; "),
            Text::IconReview => ("！", "! "),
            Text::OldT3 => ("（表三为 2019 年版）", " (表三 in the 2019 format)"),
            Text::CompareYearsOf => ("{}（{} 年）", "{} ({} years)"),
            Text::CompareHintMark => (" · 提示 {}", " · hints {}"),
            Text::CompareYearList => ("：{} 年", ": {}"),
            Text::ComparePair => ("{} 年 → {} 年", "{} → {}"),
            Text::CompareLinkCount => ("{}：{} 项，{} {} 项", "{}: {}, {} {}"),
            Text::CompareBrokenLink => ("{}为 {}；{}", "{} is {}; {}"),
            Text::CompareShouldBe => ("✗ 应为 {}", "✗ should be {}"),
            Text::CompareUnitsOf => ("{} 年（{} 个单位）", "{} ({} units)"),
            Text::NoTablesFound => ("未识别到表格。", "No tables were found."),
            Text::Subtitle => (
                "政府信息公开工作年度报告 表格核对",
                "Annual report table checker (政府信息公开工作年度报告)",
            ),
            Text::Offline => (
                "本页面完全在浏览器中运行：不联网，不上传，报告内容不会离开本机。",
                "Runs entirely in this browser: no network, no upload; nothing leaves this computer.",
            ),
            Text::Placeholder => (
                "在此粘贴年度报告全文（Ctrl+V）：可直接从网页、Word、WPS 或 PDF 复制。也可以把 .txt / .html / .docx / .pdf 文件（可多个，或整个文件夹）拖到这里。",
                "Paste the whole annual report here (from a web page, Word, WPS or PDF), or drop .txt / .html / .docx / .pdf files (several, or a whole folder).",
            ),
            Text::Open => ("打开报告文件", "Open file"),
            Text::Sample => ("示例", "Sample"),
            Text::Clear => ("清空", "Clear"),
            Text::Print => ("打印", "Print"),
            Text::DropHere => ("松开鼠标以打开文件", "Drop to open the file"),
            Text::HtmlNote => (
                "已按剪贴板中的表格结构（网页/Word 格式）读取。",
                "Read through the clipboard's table structure (HTML).",
            ),
            Text::FileNote => ("已打开文件：", "Opened file: "),
            Text::SampleNote => ("示例报告（张店区应急管理局 2023 年）", "The sample report"),
            Text::Verdict => ("核对结论", "Verdict"),
            Text::Errors => ("错误", "errors"),
            Text::Warnings => ("警告", "warnings"),
            Text::Infos => ("提示", "notes"),
            Text::NoProblems => ("未发现问题。", "No problems found."),
            Text::Findings => ("发现的问题", "Findings"),
            Text::Detail => ("单元格详情", "Cell detail"),
            Text::Source => ("原文", "Original text"),
            Text::SourceHint => (
                "选中单元格后，这里标出它在原文中的位置。",
                "Select a cell to see where it is in the original text.",
            ),
            Text::Legend => ("图例", "Legend"),
            Text::LegendCulprit => ("最可能出错", "most likely wrong"),
            Text::LegendError => ("勾稽不一致", "in a broken sum"),
            Text::LegendRelated => ("受其影响的合计", "in a sum it breaks"),
            Text::LegendEdited => ("已修改", "edited"),
            Text::EditedBar => (
                "个单元格已修改，表格与原文不再一致。",
                "cells edited: the tables no longer equal the source text.",
            ),
            Text::RevertAll => ("全部恢复", "Revert all"),
            Text::Revert => ("恢复原值", "Revert"),
            Text::DownloadCorrected => ("下载更正后的报告", "Download the corrected report"),
            Text::CopyTables => ("复制表格", "Copy the tables"),
            Text::Copied => (
                "已复制表格（官方格式）：可粘贴到 Word、WPS 或 Excel。",
                "Tables copied in the official layout: paste them into Word, WPS or Excel.",
            ),
            Text::ApplyFix => ("应用此更正", "Apply this correction"),
            Text::TryFix => ("试用：", "Try: "),
            Text::WasValue => ("原为", "Was"),
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
            Text::SectionT2 => ("二、主动公开政府信息情况", "2. Proactive disclosure"),
            Text::SectionT3 => {
                ("三、收到和处理政府信息公开申请情况", "3. Applications received and handled")
            }
            Text::SectionT4 => (
                "四、政府信息公开行政复议、行政诉讼情况",
                "4. Administrative review and litigation",
            ),
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
            Text::Suggestion => ("建议", "Suggestion"),
            Text::Checking => ("正在检查…", "Checking…"),
            Text::Rechecking => (
                "正在重新核对修改后的内容…（下面暂时还是修改前的结果）",
                "Checking the changed text… (the result below is still the previous one)",
            ),
            Text::Language => ("English", "中文"),
            Text::Preview => ("预览", "preview"),
            Text::PreviewNote => (
                "预览规则：新的启发式检查，仅供参考，不计为错误。",
                "Preview rule: a new heuristic, for reference only, never counted as an error.",
            ),
            Text::Stable => ("稳定", "stable"),
            Text::Example => ("示例", "Example"),
            Text::ExampleFails => ("不符合", "Fails"),
            Text::ExamplePasses => ("符合", "Passes"),
            Text::ExampleResult => ("检查结果", "Result"),
            Text::Coverage => ("检查覆盖", "Coverage"),
            Text::Verified => ("已核实", "Checked"),
            Text::Ignored => ("忽略", "Ignored"),
            Text::MarkVerified => ("标为已核实", "Mark checked"),
            Text::MarkIgnored => ("忽略", "Ignore"),
            Text::Undo => ("撤销", "Undo"),
            Text::Confirm => ("确定", "OK"),
            Text::Cancel => ("取消", "Cancel"),
            Text::ReasonPlaceholder => (
                "理由（如：已与单位电话核实，原表无误）",
                "Reason (e.g. confirmed by phone with the unit)",
            ),
            Text::Decided => ("已处理", "Decided"),
            Text::ExportDecisions => ("导出核对记录", "Export decisions"),
            Text::ImportDecisions => ("导入核对记录", "Import decisions"),
            Text::OpenFolder => ("打开文件夹", "Open folder"),
            Text::BatchTitle => ("批量检查", "Batch check"),
            Text::BatchReports => ("共", "Reports:"),
            Text::BatchWithErrors => ("有错误或无法读取", "with errors or unreadable:"),
            Text::BatchFilter => ("按文件名或单位筛选", "Filter by file or agency"),
            Text::BatchErrorsOnly => ("只看有错误的", "Errors only"),
            Text::BatchFile => ("文件", "File"),
            Text::BatchAgency => ("单位", "Agency"),
            Text::BatchYear => ("年度", "Year"),
            Text::BatchTemplate => ("格式", "Format"),
            Text::ExportCsv => ("导出问题清单（CSV）", "Export findings (CSV)"),
            Text::ExportJson => ("导出 JSON", "Export JSON"),
            Text::BackToList => ("← 返回列表", "← Back to the list"),
            Text::BatchNote => ("批量检查：", "Batch: "),
            Text::Mistakes => ("需要改正的错误", "Mistakes to correct"),
            Text::WarningsTitle => ("需要核实", "To check"),
            Text::InfosTitle => ("提示", "Notes"),
            Text::OtherZeros => ("其余", "the other"),
            Text::AreZero => ("项为 0", "are 0"),
            Text::NoSums => ("这个单元格不参与表内勾稽。", "This cell takes part in no sum."),
            Text::TablesLabel => ("报告中的表格", "The report's tables"),
            Text::InputLabel => ("要检查的报告", "The report to check"),
            Text::FoldInput => ("收起", "Fold"),
            Text::EditInput => ("修改报告文字", "Edit the text"),
            Text::Pasted => ("粘贴的报告", "Pasted report"),
            Text::LeaveBatch => (
                "离开批量检查的结果列表？列表不会保存，离开后需要重新打开文件夹",
                "Leave the batch's list? It is not kept; you would have to open the folder again",
            ),
            Text::DiscardBatch => (
                "这样会放弃当前批量检查的结果，确定吗",
                "This discards the batch on screen. Go on?",
            ),
            Text::HowTitle => ("怎样检查一份年度报告", "How to check a report"),
            Text::HowPaste => (
                "复制年度报告全文（网页、Word、WPS 或 PDF 均可），粘贴到上面的框中；",
                "Copy the whole report (from a web page, Word, WPS or a PDF) and paste it in the box above;",
            ),
            Text::HowOpen => (
                "或者点“打开报告文件”，也可以把文件、多个文件或整个文件夹拖到这里；",
                "or click “Open file”, or drop files or a whole folder here;",
            ),
            Text::HowRead => (
                "结论和需要改正的错误显示在最上面，点一条错误即可在表中找到出错的单元格。",
                "The verdict and the mistakes come first; click a mistake to find its cell in the tables.",
            ),
            Text::NoReport => ("手头没有报告？", "No report at hand? "),
            Text::TrySample => ("看看示例报告", "Try the sample"),
            Text::ResultsLabel => ("核对结果", "Results"),
            Text::FillTitle => ("填写新报告的表格", "Fill in a new report's tables"),
            Text::FillLastYear => {
                ("打开去年的报告（取上年结转）", "Open last year's report (for 上年结转)")
            }
            Text::FillDocx => ("下载 Word 文件", "Download as Word"),
            Text::FillClear => ("重新填写", "Start again"),
            Text::FillHint => (
                "只需填写各项数字：每行的总计、（七）总计和表四的总计会自动算出（灰色）；手工填写的合计与各项不符时会立即提示。表格下方的说明文字按表格生成，可直接用于报告正文。",
                "Type the numbers: each row's 总计, （七）总计 and 表四's totals are computed (grey); a total typed by hand that disagrees is flagged at once. The sentences under the tables are written from them.",
            ),
            Text::ModeCheck => ("核对报告", "Check a report"),
            Text::ModeFill => ("填写新报告", "Fill in a new report"),
            Text::Stats => {
                ("政府信息公开情况统计表（2019 年以前）", "Statistics table (reports before 2019)")
            }
            Text::Indicator => ("指标名称", "Indicator"),
            Text::StatsNote => (
                "2019 年以前各地统计表不一：这里列出能识别的常见指标，按原表读取；其他指标未检查。",
                "Before 2019 each province had its own sheet: the usual indicators are shown as read; other rows are not checked.",
            ),
            Text::StaleDecisions => (
                "条核对记录已不适用（问题已消失或数字已改变）",
                "decisions no longer apply (the problem is gone or its numbers changed)",
            ),
            Text::CompareTitle => ("年度和单位对比", "Years and units compared"),
            Text::CompareYears => ("年度对比", "Year over year"),
            Text::CompareUnits => ("单位对比", "Units"),
            Text::CompareShow => ("对比年度和单位", "Compare years and units"),
            Text::CompareNothing => (
                "没有可比较的报告：年度对比需要同一单位两个以上年度的报告，单位对比需要同一年度两个以上单位的报告。",
                "Nothing to compare: years need two years of one agency, units need two units of one year.",
            ),
            Text::CompareNoYears => (
                "本批次没有同一单位两个以上年度的报告。",
                "No agency has reports of two or more years in this batch.",
            ),
            Text::CompareNoUnits => (
                "本批次没有同一年度两个以上单位的报告。",
                "No year has reports of two or more units in this batch.",
            ),
            Text::CompareLinks => ("跨年度勾稽", "Rules across years"),
            Text::CompareBroken => ("不符", "broken"),
            Text::CompareHints => ("提示", "Hints"),
            Text::CompareCopied => ("正文与上年相同", "Narrative shared with last year"),
            Text::CompareCopiedNote => (
                "按连续 8 个字比较，不计数字和标点；80% 以上为 XY-DUP。两份正文的逐字对照尚未提供。",
                "Compared by 8-character runs, digits and punctuation ignored; 80% or more is XY-DUP. A side-by-side text diff is not provided yet.",
            ),
            Text::CompareGap => ("之间缺少报告", "missing in between"),
            Text::CompareLegend => (
                "每格：上年 → 本年，下方为变化（绝对值和百分比）；跨年度勾稽不符的单元格标红，提示标黄。",
                "Each cell: last year → this year, the change below (absolute and relative); broken rules across years in red, hints in yellow.",
            ),
            Text::CompareNoCells => (
                "两年的表格格式不同，没有可逐格比较的单元格。",
                "The two years use different formats: no cell to compare.",
            ),
            Text::CompareUnit => ("单位", "Unit"),
            Text::CompareMedian => ("中位数", "Median"),
            Text::CompareTotal => ("个单位合计", "units, total"),
            Text::CompareAggregate => ("汇总报告", "summary report"),
            Text::CompareAggregateUnits => ("其下单位合计", "its units, total"),
            Text::CompareFarNote => (
                "标▲▼的数偏离中位数：与中位数相差超过 3 倍中位数绝对偏差，且至少 10（件或百分点）；有该指标的单位不少于 4 个时才标出。占比的分母为办理结果总计，纠正率为结果纠正 ÷ 已审结。",
                "▲▼ marks a figure far from the median: more than 3 median absolute deviations and at least 10 (cases or percentage points) away, among at least 4 units. Shares are of all concluded requests; the correction rate is corrected ÷ decided cases.",
            ),
            Text::ExportUnitsCsv => ("导出单位对比（CSV）", "Export unit table (CSV)"),
            Text::SaveFailed => (
                "浏览器未能保存文件，请重试。",
                "The browser could not save the file; please try again.",
            ),
            Text::CopyFailed => {
                ("浏览器未能复制，请重试。", "The browser could not copy; please try again.")
            }
            Text::FileTooLarge => (
                "“{}”有 {} MB，不像是一份年度报告，未打开。请检查是否选错了文件；当前内容保持不变。",
                "“{}” is {} MB: that is not an annual report, so it was not opened. Check that this is the right file; nothing else changed.",
            ),
            Text::TablesDocxSaved => (
                "{}已下载更正后的表格（Word 文件）。",
                "{}The corrected tables were downloaded (a Word file).",
            ),
            Text::FileCount => ("{} 个文件", "{} files"),
            Text::CharCount => ("（{} 字）", " ({} characters)"),
            Text::SampleLoaded => (
                "已载入示例报告，原来的内容可以撤销找回。",
                "The sample report is loaded; Undo brings back what was here.",
            ),
            Text::Cleared => {
                ("已清空，原来的内容可以撤销找回。", "Cleared; Undo brings back what was here.")
            }
            Text::BatchLost => (
                "刷新页面后，批量检查的结果没有保存在浏览器中，无法恢复；请重新打开文件夹或文件。",
                "A batch's results are not kept across a reload and cannot be restored: open the folder or files again.",
            ),
            Text::NotANumberCell => (
                "“{}”不是数字：请输入 0 或正整数（空白请留空）。",
                "“{}” is not a number: type 0 or a whole number (leave a blank cell empty).",
            ),
            Text::NotANumber => (
                "“{}”不是数字：请输入 0 或正整数。",
                "“{}” is not a number: type 0 or a whole number.",
            ),
            Text::DecisionsImported => (
                "已导入核对记录“{}”：共 {} 条，其中 {} 条对应当前报告的问题。",
                "Imported the decisions “{}”: {} in all, {} of them about this report's findings.",
            ),
            Text::DecisionsRefused => (
                "未导入“{}”：{}当前的核对记录保持不变。",
                "“{}” was not imported: {}The current decisions are unchanged.",
            ),
            Text::CarriedFrom => (
                "已从“{}”取得上年结转（该报告的结转下年度继续办理）。",
                "上年结转 taken from “{}” (its 结转下年度继续办理).",
            ),
            Text::CarriedNone => (
                "“{}”中没有读到表三的结转下年度继续办理，上年结转未填。",
                "No 结转下年度继续办理 of 表三 was read in “{}”: 上年结转 is left empty.",
            ),
            Text::CarriedNote => ("上年结转取自：{}", "上年结转 taken from: {}"),
            Text::FillAgency => ("单位：", "Agency: "),
            Text::FillAgencyExample => ("如：某某市某某局", "e.g. 某某市某某局"),
            Text::FillYear => ("年度：", "Year: "),
            Text::FillComputed => ("{}：按各项自动合计", "{}: the sum of its parts, computed"),
            Text::FillCarriedCell => {
                ("{}：取自去年报告的结转下年度", "{}: last year's 结转下年度, carried over")
            }
            Text::SuggestionFor => ("建议：{}", "Suggestion: {}"),
            Text::TypeOver => ("{} 改为", "{}, change to"),
            Text::CellWas => ("{}（原为 {}）", "{} (was {})"),
            Text::ReportCount => ("{} 份", "{}"),
            Text::PrintFile => ("文件：{} · {}", "File: {} · {}"),
            Text::MoreCells => ("等 {} 个单元格", "{} cells in all"),
            Text::FormatChanged2021 => (
                "（上年为 2019 年版格式，本年为 2021 年版：只比较两版共有的单元格）",
                "(Last year used the 2019 format, this year the 2021 one: only the cells both have are compared)",
            ),
            Text::FormatChanged2019 => (
                "（上年为 2021 年版格式，本年为 2019 年版：只比较两版共有的单元格）",
                "(Last year used the 2021 format, this year the 2019 one: only the cells both have are compared)",
            ),
        };
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// Joins the engine's own phrases (corrections, gaps), which are Chinese in both languages.
pub(crate) const ENGINE_LIST: &str = "，";

/// The names of the files the page writes. They stay Chinese in both languages: the files go
/// to Chinese offices and sit next to the reports they belong to.
pub(crate) mod names {
    /// The decisions file for a report: `<file>.gouji.json` next to an opened file, else named
    /// after the report's unit and year (`某某局2023年报.gouji.json`).
    pub(crate) fn decisions_file(
        file: Option<&str>,
        agency: Option<&str>,
        year: Option<i32>,
    ) -> String {
        if let Some(file) = file {
            return format!("{file}.gouji.json");
        }
        let stem = match (agency, year) {
            (Some(agency), Some(year)) => format!("{agency}{year}年报"),
            (Some(agency), None) => agency.to_string(),
            (None, Some(year)) => format!("{year}年报"),
            (None, None) => "报告".to_string(),
        };
        format!("{stem}.gouji.json")
    }

    /// The corrected input: `报告.更正.txt` beside the original's name.
    pub(crate) fn corrected(file: Option<&str>) -> String {
        match file {
            Some(name) => match name.rsplit_once('.') {
                Some((stem, ext)) => format!("{stem}.更正.{ext}"),
                None => format!("{name}.更正"),
            },
            None => "报告.更正.txt".to_string(),
        }
    }

    /// The corrected tables as Word, for an input that cannot be written back.
    pub(crate) fn corrected_tables(file: Option<&str>) -> String {
        let stem = match file {
            Some(name) => name.rsplit_once('.').map_or(name, |(stem, _)| stem),
            None => "报告",
        };
        format!("{stem}.更正后的表格.docx")
    }

    /// The 填报 tables as Word.
    pub(crate) fn filled_docx(agency: &str, year: Option<i32>) -> String {
        let year = year.map(|y| format!("{y}年")).unwrap_or_default();
        format!("{agency}{year}政府信息公开工作年度报告（表格）.docx")
    }

    /// The batch's findings as CSV.
    pub(crate) const FINDINGS_CSV: &str = "gouji-问题清单.csv";

    /// A year's unit comparison as CSV.
    pub(crate) fn units_csv(year: impl std::fmt::Display) -> String {
        format!("gouji-单位对比-{year}.csv")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_fill_the_places_in_order() {
        let zh = Lang::Zh.f(Text::DecisionsImported, &[&"a.json", &3, &1]);
        assert_eq!(zh, "已导入核对记录“a.json”：共 3 条，其中 1 条对应当前报告的问题。");
        let en = Lang::En.f(Text::NotANumber, &[&"x"]);
        assert_eq!(en, "“x” is not a number: type 0 or a whole number.");
        assert_eq!(Lang::Zh.f(Text::NoProblems, &[]), "未发现问题。");
    }

    #[test]
    fn written_files_are_named_after_the_report() {
        assert_eq!(names::decisions_file(Some("a.txt"), Some("某局"), None), "a.txt.gouji.json");
        assert_eq!(
            names::decisions_file(None, Some("某局"), Some(2023)),
            "某局2023年报.gouji.json"
        );
        assert_eq!(names::decisions_file(None, None, None), "报告.gouji.json");
        assert_eq!(names::corrected(Some("a.b.txt")), "a.b.更正.txt");
        assert_eq!(names::corrected(None), "报告.更正.txt");
        assert_eq!(names::corrected_tables(Some("x.pdf")), "x.更正后的表格.docx");
        assert_eq!(
            names::filled_docx("某局", Some(2024)),
            "某局2024年政府信息公开工作年度报告（表格）.docx"
        );
    }
}
