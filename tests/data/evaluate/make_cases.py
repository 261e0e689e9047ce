#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the evaluate test cases (DOMAIN.md §1–2 worked examples) as <name>.json + <name>.expected.json.

The expected file lists only the fields a case is about (TestEvaluateCli compares them as a subset of the
output) plus "exitCode". Re-run after editing: python3 make_cases.py
"""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))

SCORE = ["ngu_van", "toan", "ngoai_ngu_1", "gdcd", "lich_su_dia_li", "khtn", "cong_nghe", "tin_hoc"]
COMMENT = ["gdtc", "am_nhac", "mi_thuat", "noi_dung_gddp", "hdtn_hn"]
PERIODS = {"ngu_van": 140, "toan": 140, "ngoai_ngu_1": 105, "gdcd": 35, "lich_su_dia_li": 105, "khtn": 140,
           "tin_hoc": 35}


def regular_count(periods):
    return 2 if periods <= 35 else 3 if periods <= 70 else 4


def score_subject(code, grade, hk1, hk2=None):
    """hk1/hk2: a number (every assessment that value, so the average is that value) or a full dict."""
    periods = PERIODS.get(code, 35 if grade <= 7 else 52)
    n = regular_count(periods)

    def sem(v):
        return v if isinstance(v, dict) else {"regular": [v] * n, "midterm": v, "final": v}
    return {"subject": code, "assessment": "score", "hk1": sem(hk1), "hk2": sem(hk2 if hk2 is not None else hk1)}


def comment_subject(code, hk1="D", hk2="D"):
    def sem(v):
        return {"regular": ["D", v], "midterm": "D", "final": "D"}
    return {"subject": code, "assessment": "comment", "hk1": sem(hk1), "hk2": sem(hk2)}


def thcs(grade, scores, comments=None, conduct=("T", "T"), absences=0, year="2024-2025", **extra):
    comments = comments or {}
    subjects = []
    for code in SCORE:
        v = scores[code]
        subjects.append(score_subject(code, grade, *(v if isinstance(v, tuple) else (v,))))
    for code in COMMENT:
        subjects.append(comment_subject(code, *comments.get(code, ("D", "D"))))
    doc = {"circular": "TT22", "schoolYear": year, "grade": grade, "subjects": subjects,
           "conduct": {"hk1": conduct[0], "hk2": conduct[1]}, "absences": absences, "summerConduct": None,
           "retests": {}}
    doc.update(extra)
    return doc


PRIMARY_TESTS = {1: ["tieng_viet", "toan"], 2: ["tieng_viet", "toan"],
                 3: ["tieng_viet", "toan", "ngoai_ngu_1", "tin_hoc_cong_nghe"],
                 4: ["tieng_viet", "toan", "ngoai_ngu_1", "khoa_hoc", "lich_su_dia_li", "tin_hoc_cong_nghe"]}
PRIMARY_TESTS[5] = PRIMARY_TESTS[4]
QUALITIES = ["yeu_nuoc", "nhan_ai", "cham_chi", "trung_thuc", "trach_nhiem"]
COMPETENCIES = ["tu_chu_tu_hoc", "giao_tiep_hop_tac", "giai_quyet_van_de", "ngon_ngu", "tinh_toan", "khoa_hoc",
                "cong_nghe", "tin_hoc", "tham_mi", "the_chat"]


def primary_subjects(grade):
    s = ["tieng_viet", "toan", "dao_duc"]
    if grade >= 3:
        s.append("ngoai_ngu_1")
    if grade <= 3:
        s.append("tnxh")
    else:
        s += ["khoa_hoc", "lich_su_dia_li"]
    if grade >= 3:
        s.append("tin_hoc_cong_nghe")
    return s + ["gdtc", "am_nhac", "mi_thuat", "hdtn"]


def primary(grade, score=9, levels=None, scores=None, traits=None, year="2024-2025", **extra):
    levels, scores, traits = levels or {}, scores or {}, traits or {}
    subjects = []
    for code in primary_subjects(grade):
        e = {"subject": code, "level": levels.get(code, "T")}
        if code in PRIMARY_TESTS[grade]:
            e["score"] = scores.get(code, score)
        subjects.append(e)
    doc = {"circular": "TT27", "schoolYear": year, "grade": grade, "subjects": subjects,
           "qualities": {q: traits.get(q, "T") for q in QUALITIES},
           "competencies": {c: traits.get(c, "T") for c in COMPETENCIES}}
    doc.update(extra)
    return doc


CASES = {}


def case(name, doc, expected, exit_code=0):
    expected = dict(expected)
    expected["exitCode"] = exit_code
    CASES[name] = (doc, expected)


ALL8 = {c: 8.0 for c in SCORE}

# --- TT22 §2.3 formulas and rounding --------------------------------------------------------------------------
case("thcs_rounding_worked_examples",
     thcs(8, dict(ALL8, cong_nghe=({"regular": [8, 9, 7], "midterm": 7.5, "final": 8.0}, 8.0),
                  gdcd=(6.4, 7.1))),
     {"subjects": {"cong_nghe": {"hk1": 7.9, "hk2": 8.0, "year": 8.0}, "gdcd": {"hk1": 6.4, "hk2": 7.1, "year": 6.9}},
      "findings": []})
# The example subjects, inside a complete grade-7 input.
case("thcs_issue_example_complete",
     thcs(7, dict(ALL8, toan=({"regular": [8, 9, 7, 8], "midterm": 7.5, "final": 8},
                              {"regular": [8, 8, 9, 7], "midterm": 8, "final": 8.5})),
          comments={"gdtc": ("D", "CD")}, conduct=("T", "K"), absences=3),
     {"subjects": {"toan": {"hk1": 7.9, "hk2": 8.2, "year": 8.1}, "gdtc": {"hk1": "D", "hk2": "CD", "year": "CD"}},
      "hk1": {"learning": "T", "conduct": "T"}, "hk2": {"learning": "K", "conduct": "K"},
      "year": {"learning": "K", "conduct": "K", "learningAfterRetest": None, "conductAfterSummer": None,
               "promotion": "promoted", "award": "none"}})

# --- TT22 §2.5 adjustment examples ----------------------------------------------------------------------------
case("thcs_adjustment_example1_one_low_score",
     thcs(8, dict(ALL8, toan=8.5, ngoai_ngu_1=9.0, lich_su_dia_li=8.2, tin_hoc=8.8, khtn=3.2)),
     {"subjects": {"khtn": {"year": 3.2}}, "year": {"learning": "D", "promotion": "promoted", "award": "none"},
      "hk1": {"learning": "D"}, "hk2": {"learning": "D"}})
case("thcs_adjustment_example2_one_comment_failed",
     thcs(8, {c: 8.5 for c in SCORE}, comments={"am_nhac": ("D", "CD")}),
     {"hk1": {"learning": "T"}, "hk2": {"learning": "K"},
      "year": {"learning": "K", "conduct": "T", "award": "none", "promotion": "promoted"}})
case("thcs_adjustment_example3_no_change",
     thcs(8, dict({c: 7.0 for c in SCORE}, toan=4.5)),
     {"year": {"learning": "D", "promotion": "promoted"}})

# --- TT22 §2.7 promotion paths --------------------------------------------------------------------------------
MINISTRY = dict({c: 6.0 for c in SCORE}, khtn=4.5, ngoai_ngu_1=3.2)
case("thcs_retest_ministry_case_pending", thcs(7, MINISTRY),
     {"year": {"learning": "CD", "promotion": "retest", "learningAfterRetest": None}})
case("thcs_retest_ministry_case_one_retest_is_not_enough", thcs(7, MINISTRY, retests={"khtn": 6.0}),
     {"year": {"learning": "CD", "promotion": "retest"}})
case("thcs_retest_ministry_case_passed", thcs(7, MINISTRY, retests={"khtn": 6.0, "ngoai_ngu_1": 5.5}),
     {"subjects": {"khtn": {"year": 4.5, "retest": 6.0}, "ngoai_ngu_1": {"year": 3.2, "retest": 5.5}},
      "year": {"learning": "CD", "learningAfterRetest": "D", "promotion": "promoted"}, "findings": []})
case("thcs_retest_failed_retained", thcs(7, MINISTRY, retests={"khtn": 4.0, "ngoai_ngu_1": 3.0}),
     {"year": {"learningAfterRetest": "CD", "promotion": "retained"}})
case("thcs_retest_comment_subject", thcs(6, ALL8, comments={"gdtc": ("D", "CD"), "hdtn_hn": ("D", "CD")},
                                          retests={"gdtc": "D", "hdtn_hn": "D"}),
     {"subjects": {"gdtc": {"year": "CD", "retest": "D"}},
      "year": {"learning": "CD", "learningAfterRetest": "T", "promotion": "promoted"}})
case("thcs_summer_training_pending", thcs(7, ALL8, conduct=("K", "CD")),
     {"year": {"conduct": "CD", "conductAfterSummer": None, "promotion": "summer_training"}})
case("thcs_summer_training_passed", thcs(7, ALL8, conduct=("K", "CD"), summerConduct="D"),
     {"year": {"conduct": "CD", "conductAfterSummer": "D", "promotion": "promoted"}})
case("thcs_summer_training_failed", thcs(7, ALL8, conduct=("K", "CD"), summerConduct="CD"),
     {"year": {"conductAfterSummer": "CD", "promotion": "retained"}})
case("thcs_summer_then_retest", thcs(7, MINISTRY, conduct=("D", "CD"), summerConduct="D",
                                     retests={"khtn": 5.0, "ngoai_ngu_1": 5.0}),
     {"year": {"conduct": "CD", "conductAfterSummer": "D", "learning": "CD", "learningAfterRetest": "D",
               "promotion": "promoted"}})
case("thcs_absences_45_promoted", thcs(7, ALL8, absences=45), {"year": {"promotion": "promoted"}, "findings": []})
case("thcs_absences_46_retained", thcs(7, ALL8, absences=46),
     {"year": {"promotion": "retained", "learning": "T", "conduct": "T"}})
case("thcs_grade9_completed", thcs(9, ALL8), {"year": {"promotion": "completed_thcs"}})

# --- TT22 §2.8 awards -----------------------------------------------------------------------------------------
case("thcs_award_xuat_sac", thcs(8, dict({c: 9.0 for c in SCORE}, gdcd=8.0, tin_hoc=8.5)),
     {"year": {"learning": "T", "conduct": "T", "award": "xuat_sac"}})
case("thcs_award_gioi_five_nines", thcs(8, dict({c: 9.0 for c in SCORE}, gdcd=8.9, tin_hoc=8.5, toan=8.9)),
     {"year": {"learning": "T", "award": "gioi"}})
case("thcs_award_none_conduct_k", thcs(8, {c: 9.5 for c in SCORE}, conduct=("K", "K")),
     {"year": {"learning": "T", "conduct": "K", "award": "none"}})

# --- TT22 missing input ---------------------------------------------------------------------------------------
missing = thcs(7, ALL8)
missing["subjects"][1]["hk1"]["regular"] = [8, 8, 8]
missing["subjects"][1]["hk2"]["midterm"] = None
case("thcs_missing_regular_blocks", missing,
     {"subjects": {"toan": {"hk1": None, "hk2": None, "year": None}},
      "hk1": {"learning": None}, "year": {"learning": None, "promotion": None, "award": None}}, exit_code=1)

# --- TT27 §1.5–1.7 --------------------------------------------------------------------------------------------
case("primary_htxs", primary(4, 9), {"result": "HTXS", "completed": True, "award": "xuat_sac", "findings": []})
case("primary_htt_score_8", primary(4, 9, scores={"toan": 8}), {"result": "HTT", "award": "none"})
case("primary_htt_tieu_bieu", primary(4, 7, recognizedByClass=True), {"result": "HTT", "award": "tieu_bieu"})
case("primary_ht_one_h", primary(4, 10, levels={"am_nhac": "H"}), {"result": "HT", "completed": True, "award": "none"})
case("primary_issue_example_complete", primary(4, 9, scores={"tieng_viet": 9, "toan": 10}, levels={"dao_duc": "H"},
                                               traits={"cham_chi": "D"}),
     {"result": "HT", "completed": True, "award": "none", "findings": []})
case("primary_ht_score_5", primary(2, 5), {"result": "HT"})
case("primary_cht_score_4", primary(3, 9, scores={"toan": 4}, levels={"toan": "C"}),
     {"result": "CHT", "completed": False, "awaitingAdditionalAssessment": True, "award": "none"})
case("primary_cht_trait_c", primary(1, 9, traits={"trung_thuc": "C"}), {"result": "CHT", "completed": False})
case("primary_grade5_completes_primary", primary(5, 8), {"result": "HTT", "completed": True,
                                                         "completedPrimary": True})
case("primary_missing_score_blocks", primary(4, 9, scores={"khoa_hoc": None}),
     {"result": None, "completed": None, "award": None}, exit_code=1)

# --- uncovered years and grades -------------------------------------------------------------------------------
case("refused_tt27_grade5_2023", primary(5, 9, year="2023-2024"), {}, exit_code=1)
case("refused_tt22_grade9_2023", thcs(9, ALL8, year="2023-2024"), {}, exit_code=1)
case("refused_tt22_for_grade4", dict(primary(4, 9), circular="TT22"), {}, exit_code=1)

for f in os.listdir(HERE):
    if f.endswith(".json"):
        os.remove(os.path.join(HERE, f))
for name, (doc, expected) in CASES.items():
    with open(os.path.join(HERE, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")
    with open(os.path.join(HERE, name + ".expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1)
        f.write("\n")
print(len(CASES), "cases")
