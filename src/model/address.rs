//! Cell addresses: `table/row/col`, exactly as `spec/CONTRACT.md` spells them.
//!
//! Invariant: `CellRef::to_string` and `CellRef::parse` are inverse for every address the
//! engine can produce; the strings are a public contract and never change once released.

use std::fmt;

/// One of the report's standard tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum TableId {
    /// 表二 主动公开政府信息情况.
    T2,
    /// 表三 收到和处理政府信息公开申请情况.
    T3,
    /// 表四 政府信息公开行政复议、行政诉讼情况.
    T4,
    /// The statistics table of a pre-2019 report (政府信息公开情况统计表, RULEBOOK §3.2).
    Pre2019,
}

impl TableId {
    /// The address prefix: `t2`, `t3`, `t4`.
    pub fn code(self) -> &'static str {
        match self {
            TableId::T2 => "t2",
            TableId::T3 => "t3",
            TableId::T4 => "t4",
            TableId::Pre2019 => "p",
        }
    }

    /// The Chinese name used in messages: 表二, 表三, 表四.
    pub fn name(self) -> &'static str {
        match self {
            TableId::T2 => "表二",
            TableId::T3 => "表三",
            TableId::T4 => "表四",
            TableId::Pre2019 => "统计表",
        }
    }
}

macro_rules! rows {
    ($($variant:ident = $code:literal, $short:literal, $full:literal;)*) => {
        /// A row of one of the standard tables. Group rows (`R3_3` …) only carry numbers in
        /// local variants that add subtotal rows; in the 2019 format `R3_6` is a plain row.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[allow(non_camel_case_types, missing_docs, reason = "variants mirror the contract's row codes")]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        pub enum Row { $($variant,)* }

        impl Row {
            /// Every row, in table order.
            pub const ALL: &'static [Row] = &[$(Row::$variant,)*];

            /// The row code used in addresses, e.g. `R3.3.1`.
            pub fn code(self) -> &'static str {
                match self { $(Row::$variant => $code,)* }
            }

            /// A short Chinese name for messages, e.g. `不予公开·国家秘密`.
            pub fn short(self) -> &'static str {
                match self { $(Row::$variant => $short,)* }
            }

            /// The official label text of the row.
            pub fn official(self) -> &'static str {
                match self { $(Row::$variant => $full,)* }
            }
        }
    };
}

rows! {
    // 表二 (2021 and 2019).
    REG = "REG", "规章", "规章";
    NORM = "NORM", "行政规范性文件", "行政规范性文件";
    LIC = "LIC", "行政许可", "行政许可";
    OMS = "OMS", "其他对外管理服务事项", "其他对外管理服务事项";
    PUN = "PUN", "行政处罚", "行政处罚";
    COE = "COE", "行政强制", "行政强制";
    FEE = "FEE", "行政事业性收费", "行政事业性收费";
    PROC = "PROC", "政府集中采购", "政府集中采购";
    // 表三.
    R1 = "R1", "本年新收", "一、本年新收政府信息公开申请数量";
    R2 = "R2", "上年结转", "二、上年结转政府信息公开申请数量";
    R3_1 = "R3.1", "予以公开", "（一）予以公开";
    R3_2 = "R3.2", "部分公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）";
    R3_3 = "R3.3", "不予公开（小计）", "（三）不予公开";
    R3_3_1 = "R3.3.1", "不予公开·国家秘密", "1.属于国家秘密";
    R3_3_2 = "R3.3.2", "不予公开·法律法规禁止", "2.其他法律行政法规禁止公开";
    R3_3_3 = "R3.3.3", "不予公开·三安全一稳定", "3.危及“三安全一稳定”";
    R3_3_4 = "R3.3.4", "不予公开·第三方权益", "4.保护第三方合法权益";
    R3_3_5 = "R3.3.5", "不予公开·内部事务", "5.属于三类内部事务信息";
    R3_3_6 = "R3.3.6", "不予公开·过程性信息", "6.属于四类过程性信息";
    R3_3_7 = "R3.3.7", "不予公开·行政执法案卷", "7.属于行政执法案卷";
    R3_3_8 = "R3.3.8", "不予公开·行政查询事项", "8.属于行政查询事项";
    R3_4 = "R3.4", "无法提供（小计）", "（四）无法提供";
    R3_4_1 = "R3.4.1", "无法提供·不掌握", "1.本机关不掌握相关政府信息";
    R3_4_2 = "R3.4.2", "无法提供·需另行制作", "2.没有现成信息需要另行制作";
    R3_4_3 = "R3.4.3", "无法提供·补正后仍不明确", "3.补正后申请内容仍不明确";
    R3_5 = "R3.5", "不予处理（小计）", "（五）不予处理";
    R3_5_1 = "R3.5.1", "不予处理·信访举报投诉", "1.信访举报投诉类申请";
    R3_5_2 = "R3.5.2", "不予处理·重复申请", "2.重复申请";
    R3_5_3 = "R3.5.3", "不予处理·公开出版物", "3.要求提供公开出版物";
    R3_5_4 = "R3.5.4", "不予处理·大量反复申请", "4.无正当理由大量反复申请";
    R3_5_5 = "R3.5.5", "不予处理·确认或重新出具", "5.要求行政机关确认或重新出具已获取信息";
    R3_6 = "R3.6", "其他处理", "（六）其他处理";
    R3_6_1 = "R3.6.1", "其他处理·逾期不补正", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请";
    R3_6_2 = "R3.6.2", "其他处理·逾期未缴费", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请";
    R3_6_3 = "R3.6.3", "其他处理·其他", "3.其他";
    R3_7 = "R3.7", "（七）总计", "（七）总计";
    R4 = "R4", "结转下年度", "四、结转下年度继续办理";
    // 表四.
    RV = "RV", "行政复议", "行政复议";
    LD = "LD", "行政诉讼（未经复议直接起诉）", "行政诉讼·未经复议直接起诉";
    LR = "LR", "行政诉讼（复议后起诉）", "行政诉讼·复议后起诉";
    // The pre-2019 statistics table (政府信息公开情况统计表): its usual indicators.
    ACT = "ACT", "主动公开信息数", "主动公开政府信息数";
    ACT_WEB = "ACT.WEB", "其中：政府网站公开数", "其中：政府网站公开数";
    ACT_GAZ = "ACT.GAZ", "其中：政府公报公开数", "其中：政府公报公开数";
    REQ = "REQ", "受理申请总数", "受理依申请公开信息总数";
    REQ_F2F = "REQ.F2F", "其中：当面申请数", "其中：当面申请数";
    REQ_FAX = "REQ.FAX", "其中：传真申请数", "其中：传真申请数";
    REQ_MAIL = "REQ.MAIL", "其中：电子邮件申请数", "其中：电子邮件申请数";
    REQ_WEB = "REQ.WEB", "其中：网上申请数", "其中：网上申请数";
    REQ_POST = "REQ.POST", "其中：信函申请数", "其中：信函申请数";
    REQ_POSTFAX = "REQ.POSTFAX", "其中：信函、传真申请数", "其中：信函、传真申请数";
    REQ_OTH = "REQ.OTH", "其中：其他形式申请数", "其中：其他形式申请数";
    ANS = "ANS", "答复总数", "对申请的答复总数";
    ANS_OPEN = "ANS.OPEN", "其中：同意公开答复数", "其中：同意公开答复数";
    ANS_PART = "ANS.PART", "其中：同意部分公开答复数", "其中：同意部分公开答复数";
    ANS_DENY = "ANS.DENY", "其中：不予（否决）公开答复数", "其中：不予（否决）公开答复数";
    ANS_OTH = "ANS.OTH", "其中：其他类型答复数", "其中：其他类型答复数";
    APPEAL = "APPEAL", "行政复议数", "行政复议数";
    SUIT = "SUIT", "行政诉讼数", "行政诉讼数";
    PETITION = "PETITION", "申诉、举报数", "行政申诉（举报）数";
    CHARGE = "CHARGE", "收费减免金额", "政府信息公开收费减免金额";
}

macro_rules! cols {
    ($($variant:ident = $code:literal, $name:literal;)*) => {
        /// A column of one of the standard tables.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[allow(non_camel_case_types, missing_docs, reason = "variants mirror the contract's column codes")]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        pub enum Col { $($variant,)* }

        impl Col {
            /// Every column.
            pub const ALL: &'static [Col] = &[$(Col::$variant,)*];

            /// The column code used in addresses, e.g. `NP`, `tot`.
            pub fn code(self) -> &'static str {
                match self { $(Col::$variant => $code,)* }
            }

            /// The Chinese column name.
            pub fn name(self) -> &'static str {
                match self { $(Col::$variant => $name,)* }
            }
        }
    };
}

cols! {
    // 表二, 2021 format.
    made = "made", "本年制发件数";
    rep = "rep", "本年废止件数";
    valid = "valid", "现行有效件数";
    n = "n", "本年处理决定数量";
    // 表二, 2019 format (see README: addresses of the 2019 format).
    new_made = "new", "本年新制作数量";
    new_pub = "pub", "本年新公开数量";
    all_pub = "all", "对外公开总数量";
    prev = "prev", "上一年项目数量";
    delta = "delta", "本年增/减";
    count = "count", "采购项目数量";
    amount = "amount", "采购总金额";
    // 表三.
    NP = "NP", "自然人";
    CE = "CE", "商业企业";
    RI = "RI", "科研机构";
    SW = "SW", "社会公益组织";
    LS = "LS", "法律服务机构";
    OT = "OT", "其他";
    LP = "LP", "法人或其他组织小计";
    T3_TOT = "TOT", "总计";
    // 表四.
    keep = "keep", "结果维持";
    fix = "fix", "结果纠正";
    oth = "oth", "其他结果";
    pend = "pend", "尚未审结";
    t4_tot = "tot", "总计";
    // The pre-2019 statistics table.
    y = "y", "本年度";
    cum = "cum", "历年累计";
}

/// The address of one numeric cell, e.g. `t3/R3.7/TOT`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CellRef {
    /// Which table.
    pub table: TableId,
    /// Which row.
    pub row: Row,
    /// Which column.
    pub col: Col,
}

impl CellRef {
    /// Builds an address.
    pub const fn new(table: TableId, row: Row, col: Col) -> CellRef {
        CellRef { table, row, col }
    }

    /// Parses `t3/R3.7/TOT`; `None` for anything that is not an address.
    pub fn parse(text: &str) -> Option<CellRef> {
        let mut parts = text.split('/');
        let table = match parts.next()? {
            "t2" => TableId::T2,
            "t3" => TableId::T3,
            "t4" => TableId::T4,
            "p" => TableId::Pre2019,
            _ => return None,
        };
        let row_code = parts.next()?;
        let col_code = parts.next()?;
        if parts.next().is_some() {
            return None;
        }
        let row = Row::ALL.iter().copied().find(|row| row.code() == row_code)?;
        let col = Col::ALL.iter().copied().find(|col| col.code() == col_code)?;
        Some(CellRef { table, row, col })
    }

    /// The address as [`fmt::Display`] writes it (`t3/R3.3.1/NP`), made at its length: the
    /// contract JSON spells every cell's, and `to_string` grows a string piece by piece.
    pub fn code(self) -> String {
        let parts = [self.table.code(), self.row.code(), self.col.code()];
        let mut out = String::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
        for (k, part) in parts.iter().enumerate() {
            if k > 0 {
                out.push('/');
            }
            out.push_str(part);
        }
        out
    }

    /// A name for messages: `自然人·予以公开`, `行政复议·总计`, `表二 规章·本年制发件数`.
    pub fn display_name(self) -> String {
        match self.table {
            TableId::T3 => format!("{}·{}", self.col.name(), self.row.short()),
            TableId::T4 | TableId::Pre2019 => format!("{}·{}", self.row.short(), self.col.name()),
            TableId::T2 => {
                if matches!(self.col, Col::n) {
                    self.row.short().to_string()
                } else {
                    format!("{}·{}", self.row.short(), self.col.name())
                }
            }
        }
    }
}

impl fmt::Display for CellRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}/{}", self.table.code(), self.row.code(), self.col.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_round_trip() {
        let mut seen = std::collections::BTreeSet::new();
        for row in Row::ALL {
            assert!(seen.insert(row.code()), "duplicate row code {}", row.code());
        }
        let mut seen = std::collections::BTreeSet::new();
        for col in Col::ALL {
            // The codes `tot` (表四) and `TOT` (表三) differ by case, as the contract says; the variants are named `t4_tot` and `T3_TOT`.
            assert!(seen.insert(col.code()), "duplicate col code {}", col.code());
        }
        let addr = CellRef::new(TableId::T3, Row::R3_3_1, Col::NP);
        assert_eq!(addr.to_string(), "t3/R3.3.1/NP");
        assert_eq!(addr.code(), addr.to_string());
        assert_eq!(CellRef::parse("t3/R3.3.1/NP"), Some(addr));
        assert_eq!(CellRef::parse("t4/RV/tot").map(|a| a.to_string()), Some("t4/RV/tot".into()));
        assert_eq!(CellRef::parse("t3/R9/NP"), None);
        assert_eq!(CellRef::parse("t3/R1/NP/x"), None);
    }

    #[test]
    fn display_names_read_naturally() {
        assert_eq!(CellRef::new(TableId::T3, Row::R3_1, Col::NP).display_name(), "自然人·予以公开");
        assert_eq!(CellRef::new(TableId::T4, Row::RV, Col::t4_tot).display_name(), "行政复议·总计");
    }
}
