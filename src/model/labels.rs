//! The only place with the Chinese label text of the format, and the index that finds it.
//!
//! Labels are matched on key words that survive the typos and breaks seen in real reports:
//! `預期` for `逾期` (so 其他处理·1 keys on `不补正`), `其他法律行政止公开`, labels wrapped across
//! lines or split by spaces (`确认或重 新出具`), list numbers written `1、` for `1.`.
//! Matching runs on the *compact* text: every text token concatenated without whitespace,
//! with numbers and blanks left out, so a label broken by a line of digits still matches.

use crate::segment::{Doc, TokenKind};

use super::address::Row;
use super::narrative::FactKind;

/// Key words per row of 表三. Any one of them identifies the row; the earliest match wins, so
/// each row also has a key from the start of its label (PDF text wraps long labels around
/// their numbers: "1.申请人无正当理由逾期" | 0 0 0 … | "不补正、…").
pub(crate) fn t3_keys(row: Row) -> &'static [&'static str] {
    match row {
        Row::R1 => &["本年新收"],
        Row::R2 => &["上年结转"],
        Row::R3_1 => &["予以公开"],
        Row::R3_2 => &["部分公开"],
        Row::R3_3 => &["不予公开"],
        Row::R3_3_1 => &["国家秘密"],
        Row::R3_3_2 => &["其他法律", "禁止公开", "行政法规"],
        Row::R3_3_3 => &["三安全一稳定", "危及"],
        Row::R3_3_4 => &["第三方合法权益", "保护第三方"],
        Row::R3_3_5 => &["属于三类", "内部事务"],
        Row::R3_3_6 => &["属于四类", "过程性信息", "四类过程"],
        Row::R3_3_7 => &["属于行政执法", "执法案卷"],
        Row::R3_3_8 => &["属于行政查询", "查询事项"],
        Row::R3_4 => &["无法提供"],
        Row::R3_4_1 => &["不掌握"],
        Row::R3_4_2 => &["没有现成信息", "另行制作"],
        Row::R3_4_3 => &["仍不明确", "补正后申请"],
        Row::R3_5 => &["不予处理"],
        Row::R3_5_1 => &["信访举报", "举报投诉"],
        Row::R3_5_2 => &["重复申请"],
        Row::R3_5_3 => &["要求提供公开", "出版物"],
        Row::R3_5_4 => &["无正当理由大量", "大量反复"],
        Row::R3_5_5 => &["要求行政机关确认", "重新出具", "确认或重", "已获取信息"],
        Row::R3_6 => &["其他处理"],
        Row::R3_6_1 => &["申请人无正当理由", "不补正"],
        Row::R3_6_2 => &["申请人逾期未按", "申请人预期未按", "收费通知", "缴纳费用"],
        Row::R3_6_3 => &["3.其他"],
        Row::R3_7 => &["(七)总计", "七)总计", "(七)合计"],
        Row::R4 => &["结转下年度", "结转下一年度", "转下年度", "结转下年"],
        _ => &[],
    }
}

/// Words that only occur in the 2021 表三 (its three 其他处理 rows).
pub(crate) const T3_2021_MARKERS: &[&str] =
    &["不补正", "收费通知", "缴纳费用", "不再处理其政府信息公开申请"];

/// 3.其他 written without its number: 其他 right before （七）总计 (numbers are not in the
/// compact text).
pub(crate) const T3_OTHER_BEFORE_TOTAL: &[&str] = &["其他(七)", "其他七)"];

/// Label typos seen in real reports: (as written, official, row). Matched in the table's text.
pub(crate) const LABEL_TYPOS: &[(&str, &str, Option<Row>)] = &[
    ("预期不补正", "逾期不补正", Some(Row::R3_6_1)),
    ("预期未按收费", "逾期未按收费", Some(Row::R3_6_2)),
    ("只计这一情况", "只计这一情形", Some(Row::R3_2)),
    ("其他法律行政止公开", "其他法律行政法规禁止公开", Some(Row::R3_3_2)),
    ("其他法律法规禁止公开", "其他法律行政法规禁止公开", Some(Row::R3_3_2)),
    ("本机关不掌握相关信息", "本机关不掌握相关政府信息", Some(Row::R3_4_1)),
];

/// 表二's title with 第二十条第(一) not followed by 项 (the seed): (as written, official).
pub(crate) const T2_TITLE_TYPO: (&str, &str) = ("第二十条第(一)", "第二十条第（一）项");

/// The engine's own copy of a label text that a [`super::LabelIssue`] may hold.
#[cfg(feature = "serde")]
pub(crate) fn interned_label(text: &str) -> Option<&'static str> {
    LABEL_TYPOS
        .iter()
        .flat_map(|(found, official, _)| [*found, *official])
        .chain([T2_TITLE_TYPO.0, T2_TITLE_TYPO.1])
        .find(|label| *label == text)
}

/// Words for a whole region ("全县汇总数据").
pub(crate) const REGIONS: &[&str] = &["全区", "全市", "全县", "全省", "全州", "全旗"];

/// Labels of a subtotal row in local variants of 表三.
pub(crate) const SUBTOTAL_KEYS: &[&str] = &["小计", "合计"];

/// 表三's header: where it starts, before 一、本年新收.
pub(crate) const T3_HEADER_KEYS: &[&str] = &["勾稽关系", "申请人情况"];

/// Key words per row of 表二.
pub(crate) fn t2_keys(row: Row) -> &'static [&'static str] {
    match row {
        Row::REG => &["规章"],
        Row::NORM => &["规范性文件"],
        Row::LIC => &["行政许可"],
        Row::OMS => &["对外管理服务"],
        Row::PUN => &["行政处罚"],
        Row::COE => &["行政强制"],
        Row::FEE => &["行政事业性收费"],
        Row::PROC => &["政府集中采购"],
        _ => &[],
    }
}

/// Where 表二 starts: its first block title, in order of preference (the narrative's
/// "《条例》第二十条规定…" comes earlier and has no item number).
pub(crate) const T2_START_KEYS: &[&str] =
    &["第二十条第(一)", "第二十条(一)", "第二十条第一项", "第二十条第("];

/// Words of the 2021 表二 header (RULEBOOK §3.3 step 1).
pub(crate) const T2_2021_MARKERS: &[&str] =
    &["本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额"];

/// Words of the 2019 表二 header (RULEBOOK §3.3 step 2). 政府集中采购 also names a category of
/// information in narratives, so it only counts inside 表二 ([`T2_2019_ROW_MARKERS`]).
pub(crate) const T2_2019_MARKERS: &[&str] = &[
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "其他对外管理服务事项",
    "第二十条第(九)项",
];

/// Row labels only the 2019 表二 has.
pub(crate) const T2_2019_ROW_MARKERS: &[&str] = &["政府集中采购", "其他对外管理服务事项"];

/// Words of a pre-2019 statistics sheet (RULEBOOK §3.3 step 3).
pub(crate) const PRE2019_MARKERS: &[&str] = &[
    "统计指标",
    "指标名称",
    "计量单位",
    "收到申请数",
    "申请办结数",
    "同意公开答复数",
    "否决公开",
    "历年累计",
];

/// 表四's header starts with 行政复议 and goes on with one of these within a few words.
pub(crate) const T4_HEADER_FOLLOWERS: &[&str] = &["结果维持", "未经复议", "复议后起诉", "尚未审结"];

/// Text that may sit between 表四's numbers (sub-table headings, column names, a note).
pub(crate) const T4_VOCABULARY: &[&str] = &[
    "政府信息公开",
    "未经复议直接起诉",
    "复议后起诉",
    "行政复议",
    "行政诉讼",
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
    "总计",
    "合计",
    "维持",
    "纠正",
    "结果",
    "其他",
    "尚未",
    "审结",
    "情况",
    "表四",
    "数据",
    "数量",
];

/// 表三's 法人或其他组织 小计 column header (a local variant) and its 商业企业 column.
pub(crate) const T3_LP_HEADER: &[&str] = &["小计"];
pub(crate) const T3_CE_HEADER: &[&str] = &["商业"];

/// 表三's note on its own arithmetic (本列数据的勾稽关系为…).
pub(crate) const T3_NOTE_KEYS: &[&str] = &["勾稽关系"];

/// `3.其他` of （六）其他处理, written without its number.
pub(crate) const T3_OTHER: &str = "其他";

/// 表四's header starts with 行政复议.
pub(crate) const T4_HEADER_KEYS: &[&str] = &["行政复议"];

/// Punctuation and numerals 表四's header words come with.
pub(crate) const T4_VOCABULARY_PUNCTUATION: &str = "（）、，。：；—·【】“”《》";
pub(crate) const T4_VOCABULARY_NUMERALS: &str = "一二三四五六";

/// What the title of 表二 misses in the seed's typo ("第二十条第(一)" without 项).
pub(crate) const T2_TITLE_TYPO_MISSING: char = '项';

/// The numerals of the report's section headings (`五、存在的主要问题…`).
pub(crate) const SECTION_NUMERALS: &str = "一二三四五六七";

/// A pre-2019 statistics table's header starts with one of these.
pub(crate) const P_HEADER_KEYS: &[&str] = &["指标名称", "统计指标"];

/// Words of a pre-2019 statistics table's header.
pub(crate) const P_HEADER_WORDS: &[&str] = &[
    "历年累计",
    "本年累计",
    "累计",
    "本年度",
    "年度",
    "本期实际",
    "本期",
    "统计数",
    "计量单位",
    "单位",
    "指标名称",
    "统计指标",
    "代码",
];

/// A header that names one of these columns is a table's, not a sentence's.
pub(crate) const P_COLUMN_WORDS: &[&str] = &["计量单位", "单位", "累计", "本年度", "统计数"];

/// A header with 累计 has two value columns (本年度, 历年累计).
pub(crate) const P_CUMULATIVE: &str = "累计";

/// A label with 附件 ends the table.
pub(crate) const P_ATTACHMENT: &str = "附件";

/// `其中` starts a part of the row above.
pub(crate) const P_PART: &str = "其中";

/// Unit words at the end of an indicator's label.
pub(crate) const P_UNITS: &[&str] =
    &["万元", "人次", "条", "件", "元", "个", "次", "项", "人", "份"];

/// The indicator a label names (`parent`: the indicator the `其中` parts belong to).
pub(crate) fn p_indicator(label: &str, parent: Option<Row>) -> Option<Row> {
    let has = |k: &str| label.contains(k);
    if let Some(parent) = parent {
        return match parent {
            Row::ACT if has("网站") => Some(Row::ACT_WEB),
            Row::ACT if has("公报") => Some(Row::ACT_GAZ),
            Row::REQ if has("当面") => Some(Row::REQ_F2F),
            Row::REQ if has("信函") && has("传真") => Some(Row::REQ_POSTFAX),
            Row::REQ if has("传真") => Some(Row::REQ_FAX),
            Row::REQ if has("邮件") => Some(Row::REQ_MAIL),
            Row::REQ if has("网上") || has("网络") => Some(Row::REQ_WEB),
            Row::REQ if has("信函") => Some(Row::REQ_POST),
            Row::REQ if has("其他") || has("其它") => Some(Row::REQ_OTH),
            Row::ANS if has("部分") => Some(Row::ANS_PART),
            Row::ANS if has("同意公开") => Some(Row::ANS_OPEN),
            Row::ANS if has("否决") || has("不予公开") => Some(Row::ANS_DENY),
            Row::ANS if has("其他") || has("其它") => Some(Row::ANS_OTH),
            _ => None,
        };
    }
    if has("主动公开") && !has("规范性") && !has("其中") && (has("信息") || has("文件"))
    {
        Some(Row::ACT)
    } else if has("申请") && (has("总数") || has("受理")) && !has("答复") {
        Some(Row::REQ)
    } else if has("答复") && !has("同意") && !has("否决") {
        Some(Row::ANS)
    } else if has("申诉") || has("举报") {
        Some(Row::PETITION)
    } else if has("行政复议") {
        Some(Row::APPEAL)
    } else if has("行政诉讼") {
        Some(Row::SUIT)
    } else if has("收费") || has("减免") {
        Some(Row::CHARGE)
    } else {
        None
    }
}

/// A narrative clause about 政府信息公开 applications (not 行政审批 answers).
pub(crate) const FACT_ABOUT_REQUESTS: &[&str] = &["信息公开", "依申请公开"];

/// A narrative clause that gives a 总数.
pub(crate) const FACT_TOTAL: &[&str] = &["总数"];

/// A narrative clause about answers (答复).
pub(crate) const FACT_ANSWERS: &[&str] = &["答复"];

/// A 主动公开 clause that gives the year's whole count, not a part (各乡镇…, 网站…).
pub(crate) const FACT_PROACTIVE_TOTAL: &[&str] = &[
    "年主动公开政府信息",
    "年全区主动公开政府信息",
    "年全县主动公开政府信息",
    "年全市主动公开政府信息",
    "其中主动公开政府信息",
];

/// A unit's name ending in one of these is a government (本级政府, or a zone's 管委会).
pub(crate) const GOVERNMENT_SUFFIXES: &[&str] =
    &["人民政府", "管委会", "管理委员会", "实验区", "新区", "开发区"];

/// A name with one of these (and no province) is a unit at county level or below.
pub(crate) const COUNTY_WORDS: &[&str] = &["县", "区", "乡", "镇", "街道", "旗"];

/// Province-level words: a name with one of them is not a county's unit.
pub(crate) const PROVINCE_WORDS: &[&str] = &["省", "自治区"];

/// A township's name ends in one of these.
pub(crate) const TOWNSHIP_ENDINGS: &[char] = &['乡', '镇'];

/// A street office (街道办事处) is a township's equal.
pub(crate) const STREET_OFFICE: &str = "街道";

/// The last character of a place's name.
pub(crate) const PLACE_ENDINGS: [char; 8] = ['省', '市', '县', '区', '州', '盟', '镇', '乡'];

/// What follows the place in a region's own unit's name.
pub(crate) const REGION_SUFFIXES: &[&str] =
    &["人民政府办公室", "人民政府", "政府", "管委会", "管理委员会"];

/// A city or province before a district or county: `淮安市|洪泽区`.
pub(crate) const REGION_SEPARATORS: [char; 3] = ['市', '省', '州'];

// The narrative's words (narrative.rs): what a clause's numbers count.

/// Keywords and the facts they announce, longest first within a kind.
pub(crate) const FACT_KEYWORDS: &[(&str, FactKind)] = &[
    ("予以公开及部分公开", FactKind::GrantedOrPartial),
    ("予以公开和部分公开", FactKind::GrantedOrPartial),
    ("公开及部分公开", FactKind::GrantedOrPartial),
    ("予以公开", FactKind::Granted),
    ("同意公开", FactKind::Granted),
    ("部分公开", FactKind::Partial),
    ("不予公开", FactKind::Withheld),
    ("无法提供", FactKind::Unavailable),
    ("不予处理", FactKind::NotProcessed),
    ("其他处理", FactKind::OtherProcessed),
    ("同意公开答复", FactKind::Granted),
    ("部分公开答复", FactKind::Partial),
    ("不予公开答复", FactKind::Withheld),
    ("上年结转", FactKind::CarriedIn),
    ("结转下年度", FactKind::CarriedOut),
    ("结转下一年", FactKind::CarriedOut),
    ("转下一年度", FactKind::CarriedOut),
    ("转入下一年", FactKind::CarriedOut),
    ("顺延至下一年", FactKind::CarriedOut),
    ("顺延", FactKind::CarriedOut),
    ("新收", FactKind::Received),
    ("收到", FactKind::Received),
    ("受理", FactKind::Received),
    ("办结", FactKind::Done),
    ("共办理", FactKind::Done),
    ("答复", FactKind::Done),
    ("行政复议", FactKind::Review),
    ("行政诉讼", FactKind::Litigation),
    ("信息处理费", FactKind::InfoFee),
    ("规范性文件", FactKind::NormsMade),
    ("规章", FactKind::RulesMade),
    ("行政事业性收费", FactKind::AdminFee),
    ("行政许可", FactKind::Licences),
    ("行政处罚", FactKind::Penalties),
    ("行政强制", FactKind::Enforcement),
    ("主动公开", FactKind::Proactive),
];

/// Words that put a clause about other business: its numbers are not application counts.
pub(crate) const FACT_OTHER_BUSINESS: &[&str] = &[
    "建议", "提案", "来信", "信件", "留言", "诉求", "热线", "咨询", "案件", "培训", "会议", "检查",
    "评议", "办件", "事项",
];

/// Units a number is stated in, the longer first (`万元` before `元`).
pub(crate) const FACT_UNITS: [&str; 9] = ["万元", "元", "件", "起", "宗", "个", "条", "项", "份"];

/// The units of a count (of cases, documents): the others are money or wording.
pub(crate) const FACT_COUNT_UNITS: &[&str] = &["件", "起", "宗", "个", "条", "份"];

/// Units after which a Chinese numeral is usually wording (`一个`, `三项`), not a count.
pub(crate) const FACT_WORDING_UNITS: [&str; 3] = ["个", "项", "条"];

/// Money: 元, and 万元 (ten thousand 元).
pub(crate) const YUAN: &str = "元";
/// See [`YUAN`].
pub(crate) const WAN_YUAN: &str = "万元";

/// After digits, a year or a date, not a count: `2023年`, `12月`, `第3期`.
pub(crate) const FACT_DATE_SUFFIXES: [char; 6] = ['年', '月', '日', '号', '期', '届'];

/// `占`: a share follows (`258件，占33.9%`).
pub(crate) const SHARE: char = '占';

/// What may stand between a count and its share: `208件(17.46%)`, `208件，占17.46%`.
pub(crate) const SHARE_LEAD: [char; 6] = ['(', '（', '，', ',', SHARE, ' '];

/// Negations: a clause with none of them (and no number) states no fact.
pub(crate) const FACT_NEGATIONS: [char; 5] = ['未', '没', '无', '不', '均'];

/// A clause that adds up: `共`, `合计`, `含上年结转`.
pub(crate) const FACT_SUMMED: &[&str] = &["共", "合计", "含上年结转"];

/// `申请` (an application), and the words that make an application something else.
pub(crate) const FACT_APPLICATION: &str = "申请";
/// `公开`.
pub(crate) const FACT_DISCLOSURE: &str = "公开";
/// `复议` (a review, not an application for information).
pub(crate) const FACT_REVIEW_WORD: &str = "复议";
/// `诉讼` (a lawsuit).
pub(crate) const FACT_LITIGATION_WORD: &str = "诉讼";
/// `行政复议`.
pub(crate) const FACT_REVIEW: &str = "行政复议";
/// `行政诉讼`.
pub(crate) const FACT_LITIGATION: &str = "行政诉讼";
/// Both named together: the clause's numbers are not one of them.
pub(crate) const FACT_REVIEW_AND_LITIGATION: &str = "行政复议、行政诉讼";

/// No application received: a negation, then the standard wordings of the whole statement.
pub(crate) const FACT_NOT_RECEIVED: &[&str] = &["未收到", "没有收到", "无"];
/// See [`FACT_NOT_RECEIVED`].
pub(crate) const FACT_NO_APPLICATIONS: &[&str] = &[
    "未收到政府信息公开申请",
    "未收到信息公开申请",
    "没有收到政府信息公开申请",
    "未收到依申请公开",
    "无依申请公开",
];

/// No review or lawsuit arose.
pub(crate) const FACT_NONE_AROSE: &[&str] = &["没有", "未发生", "未收到", "无", "均为0", "均为零"];
/// Outcomes of a review or lawsuit (`未发生…被行政复议纠错`): not whether cases arose.
pub(crate) const FACT_OUTCOMES: &[&str] = &["纠错", "纠正", "败诉", "撤销"];

/// No fee charged.
pub(crate) const FACT_NOT_CHARGED: &[&str] = &["未收取", "无收取", "没有收取", "不收取", "未发生"];
/// `费` (a fee), and the fees a clause names.
pub(crate) const FACT_FEE: &str = "费";
/// See [`FACT_FEE`].
pub(crate) const FACT_FEES: &[&str] = &["信息处理费", "收费"];

/// No 规范性文件 made.
pub(crate) const FACT_NOT_MADE: &[&str] = &["未制定", "未出台", "未印发", "未制发", "没有制定"];
/// `规范性文件`.
pub(crate) const FACT_NORMS: &str = "规范性文件";
/// Verbs of making or publishing 规范性文件.
pub(crate) const FACT_NORMS_VERBS: &[&str] =
    &["制发", "出台", "印发", "发布", "制定", "公开", "新增"];
/// `有效`: 规范性文件 in force, not made this year.
pub(crate) const FACT_IN_FORCE: &str = "有效";

/// `决定` (decisions: licences, penalties, enforcement).
pub(crate) const FACT_DECISION: &str = "决定";

/// Information or documents (what 主动公开 counts).
pub(crate) const FACT_INFORMATION: &[&str] = &["信息", "文件"];

/// Chinese numerals: `零`…`九`, `〇`, `两` (their value), `十` `百` `千` (multipliers within a
/// section) and `万` (ends a section); `None` for any other character.
pub(crate) fn cn_numeral(c: char) -> Option<CnNumeral> {
    use CnNumeral::{Digit, Multiplier, TenThousand};
    Some(match c {
        '零' | '〇' => Digit(0),
        '一' => Digit(1),
        '二' | '两' => Digit(2),
        '三' => Digit(3),
        '四' => Digit(4),
        '五' => Digit(5),
        '六' => Digit(6),
        '七' => Digit(7),
        '八' => Digit(8),
        '九' => Digit(9),
        '十' => Multiplier(10),
        '百' => Multiplier(100),
        '千' => Multiplier(1000),
        '万' => TenThousand,
        _ => return None,
    })
}

/// A Chinese numeral character (see [`cn_numeral`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CnNumeral {
    /// `零`…`九`, `〇`, `两`.
    Digit(i64),
    /// `十`, `百`, `千`.
    Multiplier(i64),
    /// `万`.
    TenThousand,
}

/// `汇总`: a report that says it is its region's total.
pub(crate) const AGGREGATE: &str = "汇总";
/// After a region and `汇总`: `全区……汇总数据`.
pub(crate) const AGGREGATE_FOLLOWERS: &[&str] = &["数据", "情况", "编制", "形成"];
/// `汇总…各有关单位`: `各`, then the units.
pub(crate) const AGGREGATE_EACH: char = '各';
/// See [`AGGREGATE_EACH`].
pub(crate) const AGGREGATE_UNITS: &[&str] = &["部门", "单位"];

// The title, dates and metadata of the report's head (meta.rs).

/// Metadata keys of the publishing agency (`发布机构: X`).
pub(crate) const AGENCY_KEYS: &[&str] = &["发布机构:"];
/// Metadata keys of the publication date.
pub(crate) const PUBLISHED_KEYS: &[&str] =
    &["发文日期:", "发布日期:", "发布时间:", "公开日期:", "成文日期:"];
/// Metadata keys of the publisher.
pub(crate) const PUBLISHER_KEYS: &[&str] = &["发布机构:", "发文机关:", "发布单位:"];

/// `信息公开`: every title has it.
pub(crate) const TITLE_DISCLOSURE: &str = "信息公开";
/// `政府信息公开`: what follows the agency in a title that starts with the year.
pub(crate) const TITLE_GOVERNMENT_DISCLOSURE: &str = "政府信息公开";
/// A title has one of these (`报告`, `年报`).
pub(crate) const REPORT_WORDS: &[&str] = &["报告", "年报"];
/// A title ends after the first of these (in this order).
pub(crate) const TITLE_ENDINGS: &[&str] = &["年度报告", "工作报告", "年报", "报告"];
/// Labels before a title (`标题: …`).
pub(crate) const TITLE_LABELS: [&str; 4] = ["标题:", "名称:", "题目:", "正文"];

/// `年` after a year's digits; `度` may follow (`2023年度`).
pub(crate) const YEAR_MARK: char = '年';
/// See [`YEAR_MARK`].
pub(crate) const YEAR_MARK_DU: char = '度';
/// `月` after a month's digits.
pub(crate) const MONTH_MARK: char = '月';
/// After a day's digits: `日` or `号`.
pub(crate) const DAY_MARKS: [char; 2] = ['日', '号'];
/// Between a date's year and month (`2023年1月`, `2024-01`, `2024.1`, `2024/01`).
pub(crate) const DATE_YEAR_SEPARATORS: [char; 4] = [YEAR_MARK, '-', '.', '/'];
/// Between a date's month and day.
pub(crate) const DATE_MONTH_SEPARATORS: [char; 4] = [MONTH_MARK, '-', '.', '/'];

/// Keys of the 统计期限 sentence.
pub(crate) const PERIOD_KEYS: [&str; 7] =
    ["统计期限", "统计周期", "统计时限", "统计时间", "统计期间", "统计区间", "统计时段"];
/// Between the period's first and last day, the first found in this order.
pub(crate) const PERIOD_SEPARATORS: [char; 3] = ['至', '到', '-'];

/// The full heading of section 二: a shorter one was cut.
pub(crate) const SECTION_2_HEADING: &str = "主动公开政府信息情况";
/// A section whose body is only this says there is nothing.
pub(crate) const SECTION_NONE: [&str; 4] =
    ["无", "暂无", "无其他需要报告的事项", "无其他需要报告事项"];
/// A section body that mentions fees.
pub(crate) const SECTION_FEE_WORDS: &[&str] = &["信息处理费", "收费", "处理费"];
/// The numerals of section headings (`一、`…`十、`).
pub(crate) const HEADING_NUMERALS: [char; 10] =
    ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/// `第` before a numeral: `第四、` is no heading.
pub(crate) const ORDINAL: char = '第';
/// `、` after a heading's numeral.
pub(crate) const ENUMERATION_COMMA: char = '、';

/// A year claim is about the unit's own work when the sentence goes on with one of these.
pub(crate) const YEAR_CLAIM_OWNERS: &[&str] =
    &["我", "全区", "全县", "全市", "本局", "本单位", "区政府", "县政府", "市政府"];
/// …and not about the future.
pub(crate) const YEAR_CLAIM_FUTURE: &[&str] =
    &["将", "计划", "拟", "下一步", "明年", "力争", "继续", "要"];

/// One of the six sections of the report (RULEBOOK §1.1), with its key words.
pub(crate) struct SectionDef {
    pub(crate) numeral: char,
    pub(crate) title: &'static str,
    pub(crate) keys: &'static [&'static str],
    /// A heading worded otherwise still counts when it starts with the section's numeral and
    /// has one word of each group (`四、政府信息公开行政复议与行政诉讼情况`).
    pub(crate) words: &'static [&'static [&'static str]],
}

pub(crate) const SECTIONS: &[SectionDef] = &[
    SectionDef {
        numeral: '一',
        title: "总体情况",
        keys: &["总体情况", "概述"],
        words: &[&["总体", "概述", "概况"]],
    },
    SectionDef {
        numeral: '二',
        title: "主动公开政府信息情况",
        keys: &["主动公开政府信息情", "主动公开情况"],
        words: &[&["主动公开"]],
    },
    SectionDef {
        numeral: '三',
        title: "收到和处理政府信息公开申请情况",
        keys: &["收到和处理政府信息公开申请", "政府信息公开申请情况", "依申请公开"],
        words: &[&["申请"], &["情况", "处理", "办理", "公开"]],
    },
    SectionDef {
        numeral: '四',
        title: "政府信息公开行政复议、行政诉讼情况",
        keys: &[
            "行政复议、行政诉讼",
            "行政复议和行政诉讼",
            "行政复议,行政诉讼",
            "行政复议、提起行政诉讼",
            "行政法复议",
        ],
        words: &[&["复议"], &["诉讼"]],
    },
    SectionDef {
        numeral: '五',
        title: "存在的主要问题及改进情况",
        keys: &["存在的主要问题", "主要问题及改进"],
        words: &[&["问题", "不足"], &["改进", "整改", "措施", "方向"]],
    },
    SectionDef {
        numeral: '六',
        title: "其他需要报告的事项",
        keys: &["其他需要报告的事项", "其他需要报告"],
        words: &[&["其他"], &["事项", "报告"]],
    },
];

/// The compact text of a document's text tokens, for matching labels.
pub(crate) struct Index {
    /// Text tokens concatenated, whitespace and markup removed, `1、` written `1.`.
    pub(crate) compact: String,
    /// For each token: the compact offset where it starts (for non-text tokens, where the
    /// next text would start).
    token_at: Vec<usize>,
    /// (compact offset, token index) for each text token.
    text_tokens: Vec<(usize, usize)>,
}

/// What the compact text leaves out: whitespace and markdown markup (`、` starts with a byte
/// of these too, and is looked at where it stands).
static INDEX_SQUEEZED: Squeezed = Squeezed::new(b"#*`>");

impl Index {
    pub(crate) fn new(text: &str, doc: &Doc) -> Index {
        // The compact text is never longer than the text: reserving that much up front
        // spares growing a string of 64 MB by copying.
        let mut compact = String::with_capacity(text.len());
        let mut token_at = Vec::with_capacity(doc.tokens.len());
        let mut text_tokens = Vec::new();
        for (idx, token) in doc.tokens.iter().enumerate() {
            token_at.push(compact.len());
            if token.kind != TokenKind::Text {
                continue;
            }
            text_tokens.push((compact.len(), idx));
            // Copied a run at a time between the characters left out or rewritten.
            let token_text = &text[token.range.clone()];
            let bytes = token_text.as_bytes();
            let (mut run, mut at) = (0, 0);
            loop {
                at = INDEX_SQUEEZED.next(bytes, at);
                if at >= bytes.len() {
                    break;
                }
                let comma = bytes[at..].starts_with("、".as_bytes());
                let skip = if comma { 3 } else { INDEX_SQUEEZED.len_at(bytes, at) };
                if skip == 0 {
                    at += 1;
                    continue;
                }
                compact.push_str(&token_text[run..at]);
                if comma {
                    // `1、` is written `1.`.
                    let after_digit = compact.ends_with(|c: char| c.is_ascii_digit());
                    compact.push(if after_digit { '.' } else { '、' });
                }
                at += skip;
                run = at;
            }
            compact.push_str(&token_text[run..]);
        }
        compact.shrink_to_fit();
        Index { compact, token_at, text_tokens }
    }

    /// The compact offset of token `idx` (the end of the compact text past the last token).
    pub(crate) fn offset_of(&self, idx: usize) -> usize {
        self.token_at.get(idx).copied().unwrap_or(self.compact.len())
    }

    /// The token holding compact offset `offset`.
    pub(crate) fn token_of(&self, offset: usize) -> usize {
        let at = self.text_tokens.partition_point(|&(start, _)| start <= offset);
        at.checked_sub(1).map_or(0, |at| self.text_tokens[at].1)
    }

    /// The normalized byte offset of compact offset `offset` (within its token; exact when the
    /// token holds no markup that the compact text drops).
    pub(crate) fn byte_of(
        &self,
        offset: usize,
        text: &str,
        tokens: &[crate::segment::Token],
    ) -> usize {
        let idx = self.token_of(offset);
        let Some(token) = tokens.get(idx) else { return text.len() };
        let within = offset.saturating_sub(self.offset_of(idx));
        floor_boundary(text, (token.range.start + within).min(token.range.end))
    }

    /// The first occurrence of any of `keys` in `from..to` (compact offsets): the earliest
    /// match wins; its compact range.
    pub(crate) fn find_any(
        &self,
        keys: &[&str],
        from: usize,
        to: usize,
    ) -> Option<std::ops::Range<usize>> {
        let to = floor_boundary(&self.compact, to.min(self.compact.len()));
        let from = ceil_boundary(&self.compact, from.min(to));
        let hay = &self.compact[from..to];
        // The earliest match wins (the longest among equals): once one is found, a later key
        // is searched for only where it could start no later, not through the rest of the text.
        let mut best: Option<(usize, usize)> = None;
        for key in keys {
            let end = best
                .map_or(hay.len(), |(at, _)| floor_boundary(hay, (at + key.len()).min(hay.len())));
            if let Some(at) = find(&hay[..end], key)
                && best.is_none_or(|(best_at, best_len)| {
                    (at, usize::MAX - key.len()) < (best_at, usize::MAX - best_len)
                })
            {
                best = Some((at, key.len()));
            }
        }
        best.map(|(at, len)| from + at..from + at + len)
    }

    /// True when any of `keys` occurs in `from..to`.
    pub(crate) fn contains_any(&self, keys: &[&str], from: usize, to: usize) -> bool {
        self.find_any(keys, from, to).is_some()
    }
}

/// Haystacks at most this long are searched by [`find`] position by position: setting up
/// `str::find`'s searcher costs more than comparing a few hundred positions.
const SHORT_HAY: usize = 256;

/// `hay.find(key)`: the first occurrence of `key` in `hay`. A short `hay` (a row's labels, in
/// most searches) is compared where `key`'s first and last bytes stand.
fn find(hay: &str, key: &str) -> Option<usize> {
    if hay.len() > SHORT_HAY {
        return hay.find(key);
    }
    let (hay, key) = (hay.as_bytes(), key.as_bytes());
    let (Some(&first), Some(&last)) = (key.first(), key.last()) else { return Some(0) };
    let starts = hay.len().checked_sub(key.len())?;
    (0..=starts).find(|&at| {
        hay[at] == first && hay[at + key.len() - 1] == last && &hay[at..at + key.len()] == key
    })
}

/// The length in bytes of the whitespace character (as [`char::is_whitespace`] has it) that
/// starts at byte `at` of `bytes`, or 0. Asked on the bytes, so that text can be squeezed a run
/// at a time without decoding each character; `at` needs not be a character boundary (a
/// continuation byte starts nothing).
#[inline]
pub(crate) fn whitespace_at(bytes: &[u8], at: usize) -> usize {
    let byte = |k: usize| bytes.get(at + k).copied().unwrap_or(0);
    match byte(0) {
        b'\t'..=b'\r' | b' ' => 1,
        0xC2 if matches!(byte(1), 0x85 | 0xA0) => 2,
        0xE1 if byte(1) == 0x9A && byte(2) == 0x80 => 3,
        0xE2 if byte(1) == 0x80 && matches!(byte(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) => 3,
        0xE2 if byte(1) == 0x81 && byte(2) == 0x9F => 3,
        0xE3 if byte(1) == 0x80 && byte(2) == 0x80 => 3,
        _ => 0,
    }
}

/// The bytes where a character that squeezing removes may start: whitespace (ASCII, and the
/// first bytes of the others, [`whitespace_at`]) and the ASCII bytes given. A table of 256
/// flags made at compile time, so that a text is searched for them a byte at a time without
/// decoding it.
pub(crate) struct Squeezed([bool; 256]);

impl Squeezed {
    pub(crate) const fn new(ascii: &[u8]) -> Squeezed {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = matches!(b as u8, b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1 | 0xE2 | 0xE3);
            b += 1;
        }
        let mut k = 0;
        while k < ascii.len() {
            table[ascii[k] as usize] = true;
            k += 1;
        }
        Squeezed(table)
    }

    /// The next byte at or after `at` of `bytes` that may start a character squeezed out
    /// (`bytes.len()` when none does).
    pub(crate) fn next(&self, bytes: &[u8], at: usize) -> usize {
        let rest = bytes.get(at..).unwrap_or_default();
        at + rest.iter().position(|&b| self.0[usize::from(b)]).unwrap_or(rest.len())
    }

    /// How many bytes the character at `at` takes when it is squeezed out, or 0.
    #[inline]
    pub(crate) fn len_at(&self, bytes: &[u8], at: usize) -> usize {
        match bytes.get(at) {
            Some(&b) if b.is_ascii() && self.0[usize::from(b)] => 1,
            _ => whitespace_at(bytes, at),
        }
    }
}

pub(crate) fn floor_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

pub(crate) fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_at_is_char_is_whitespace() {
        for c in (0..=0x0010_FFFF).filter_map(char::from_u32) {
            let text = format!("{c}x");
            let expected = if c.is_whitespace() { c.len_utf8() } else { 0 };
            assert_eq!(whitespace_at(text.as_bytes(), 0), expected, "{c:?}");
        }
    }
}
