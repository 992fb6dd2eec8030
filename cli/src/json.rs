//! The CLI's JSON output: the public contract of `spec/CONTRACT.md`. Fields may be added,
//! never renamed or dropped.

use gouji::model::{Number, TableId, Value};
use gouji::review::Decisions;
use gouji::{Checked, Finding};
use serde_json::{Map, Value as Json, json};

/// One JSON object for one checked input.
pub(crate) fn report(file: &str, checked: &Checked, decisions: &Decisions) -> Json {
    let report = &checked.report;
    let mut cells = Map::new();
    let mut inferred = Vec::new();
    for table in &report.tables {
        for cell in &table.cells {
            let value = match &cell.value {
                Value::Number(n) => number(*n),
                Value::Blank { .. } | Value::Text(_) => Json::Null,
                Value::Missing | Value::Ambiguous => continue,
            };
            if cell.inferred {
                inferred.push(Json::from(cell.addr.to_string()));
            }
            cells.insert(cell.addr.to_string(), value);
        }
    }
    let mut object = json!({
        "file": file,
        "template": report.template.as_str(),
        "year": report.year,
        "agency": report.agency,
        "cells": cells,
        "inferred": inferred,
        "findings": checked.findings.iter().map(|f| finding(f, decisions)).collect::<Vec<_>>(),
        "diagnoses": checked.diagnoses.iter().map(|d| json!({
            "explains": d.explains,
            "corrections": d.corrections.iter().map(|fixes| fixes.iter().map(|f| json!({
                "cell": f.cell.to_string(), "from": f.from, "to": f.to, "was_blank": f.was_blank,
            })).collect::<Vec<_>>()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    });
    if let Some(source) = &checked.source {
        object["encoding"] = Json::from(source.encoding.name());
    }
    let mut coverage = Map::new();
    let ids: &[TableId] = if report.table(TableId::P).is_some() {
        &[TableId::P]
    } else {
        &[TableId::T3, TableId::T4]
    };
    for &id in ids {
        let s = checked.summary(id);
        coverage.insert(
            id.code().to_string(),
            json!({ "found": s.found, "passed": s.passed, "failed": s.failed, "review": s.review, "cannot_run": s.cannot_run }),
        );
    }
    object["coverage"] = Json::Object(coverage);
    if !decisions.decisions.is_empty() {
        object["stale_decisions"] = decisions.stale(checked).iter().map(|d| json!({
            "fingerprint": d.fingerprint, "rule": d.rule, "status": d.status.as_str(), "reason": d.reason,
        })).collect::<Vec<_>>().into();
    }
    if let Some(why) = checked.unreadable {
        object["error"] = Json::from(why.message());
    }
    object
}

/// The object for a file that could not even be opened.
pub(crate) fn io_error(file: &str, message: &str) -> Json {
    json!({ "file": file, "template": "unknown", "year": null, "cells": {}, "findings": [], "error": message })
}

fn finding(f: &Finding, decisions: &Decisions) -> Json {
    let decision = decisions.get(f).map(|d| {
        json!({
            "status": d.status.as_str(), "reason": d.reason, "decided_at": d.decided_at,
        })
    });
    json!({
        "rule": f.rule,
        "family": f.family,
        "severity": f.severity.as_str(),
        "cells": f.cells.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "message": f.message,
        "expected": f.expected.map(number),
        "found": f.found.map(number),
        "hint": f.hint,
        "fingerprint": f.fingerprint,
        "decision": decision,
    })
}

fn number(n: Number) -> Json {
    match n.as_int() {
        Some(int) => Json::from(int),
        // Amounts in 万元: the shortest decimal that reads back as this value.
        None => n.to_string().parse::<f64>().map_or(Json::Null, Json::from),
    }
}
