//! The unit a report is about, read once from its name: what kind of unit it is, how high it
//! stands, which places it speaks for, and whether another name is the same unit. Rules, the
//! rules across reports and the comparison ask these questions here and never look at the
//! name's characters themselves.

use super::labels;

/// The issuing agency, as the title (or the page's metadata) names it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Agency {
    /// The name as written: `淮安市洪泽区人民政府`.
    pub name: String,
    /// Government (本级政府) or department.
    pub kind: AgencyKind,
    /// County level or below (no power to make 规章).
    pub county_or_below: bool,
    /// A township or street office (乡、镇、街道).
    pub township: bool,
    /// The places a region's 汇总 report speaks for: the name without 人民政府 (and the like),
    /// and without the city or province before a district or county (`淮安市洪泽区`, `洪泽区`).
    pub places: Vec<String>,
}

/// Whether the report is a government's own (本级政府) or a department's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum AgencyKind {
    /// 某某人民政府, a 管委会 of a zone: publishes by 3月31日.
    Government,
    /// A department or office: publishes by 1月31日.
    Department,
}

impl Agency {
    /// Reads what a name says about its unit.
    pub fn read(name: &str) -> Agency {
        let government = labels::GOVERNMENT_SUFFIXES.iter().any(|w| name.ends_with(w));
        let kind = if government { AgencyKind::Government } else { AgencyKind::Department };
        let county_or_below = labels::COUNTY_WORDS.iter().any(|w| name.contains(w))
            && !labels::PROVINCE_WORDS.iter().any(|w| name.contains(w));
        let township = labels::TOWNSHIP_ENDINGS.iter().any(|&c| name.ends_with(c))
            || name.contains(labels::STREET_OFFICE);
        Agency { name: name.to_string(), kind, county_or_below, township, places: places(name) }
    }

    /// The same unit under two titles: equal names, or one with its place in front
    /// (`淮安市洪泽区人民政府` and `洪泽区人民政府`).
    pub fn is_same_unit(&self, other: &Agency) -> bool {
        same_unit(&self.name, &other.name)
    }

    /// Whether this unit is one of `region`'s (a region's 汇总 report sums them): another
    /// unit whose name starts with one of the region's places.
    pub fn is_unit_of(&self, region: &Agency) -> bool {
        !self.is_same_unit(region)
            && region.places.iter().any(|p| self.name.starts_with(p.as_str()))
    }
}

fn same_unit(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    if long == short {
        return true;
    }
    let Some(place) = long.strip_suffix(short) else { return false };
    // The shorter name must still name a place of its own ("应急管理局" alone could be anyone's).
    short.chars().count() >= 4
        && place.ends_with(labels::PLACE_ENDINGS)
        && short.contains(labels::PLACE_ENDINGS)
}

fn places(name: &str) -> Vec<String> {
    let place =
        labels::REGION_SUFFIXES.iter().find_map(|suffix| name.strip_suffix(suffix)).unwrap_or(name);
    let mut out = vec![place.to_string()];
    if let Some((_, tail)) = place.rsplit_once(labels::REGION_SEPARATORS)
        && tail.chars().count() >= 2
    {
        out.push(tail.to_string());
    }
    out.retain(|p| p.chars().count() >= 2);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_with_its_place_in_front_is_the_same_unit() {
        let same = |a: &str, b: &str| Agency::read(a).is_same_unit(&Agency::read(b));
        assert!(same("淮安市洪泽区人民政府", "洪泽区人民政府"));
        assert!(same("平潭综合实验区", "平潭综合实验区"));
        assert!(!same("平潭综合实验区管委会", "平潭综合实验区"));
        assert!(!same("张店区应急管理局", "应急管理局"));
        assert!(!same("某某交通运输局", "运输局"));
    }

    #[test]
    fn the_level_and_kind_come_from_the_name() {
        let county = Agency::read("洪泽区人民政府");
        assert_eq!(county.kind, AgencyKind::Government);
        assert!(county.county_or_below && !county.township);
        let town = Agency::read("高良涧街道办事处");
        assert!(town.township && town.county_or_below);
        let province = Agency::read("广西壮族自治区交通运输厅");
        assert_eq!(province.kind, AgencyKind::Department);
        assert!(!province.county_or_below);
        assert!(Agency::read("平潭综合实验区管委会").kind == AgencyKind::Government);
    }

    #[test]
    fn a_region_speaks_for_the_units_named_after_it() {
        let region = Agency::read("淮安市洪泽区人民政府");
        assert_eq!(region.places, ["淮安市洪泽区", "洪泽区"]);
        assert_eq!(Agency::read("平潭综合实验区管委会").places, ["平潭综合实验区"]);
        assert_eq!(Agency::read("沭阳县人民政府").places, ["沭阳县"]);
        assert!(Agency::read("洪泽区应急管理局").is_unit_of(&region));
        assert!(!Agency::read("洪泽区人民政府").is_unit_of(&region));
        assert!(!Agency::read("清江浦区应急管理局").is_unit_of(&region));
    }
}
