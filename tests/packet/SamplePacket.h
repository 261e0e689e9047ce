// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "packet/Packet.h"

namespace hocba::test {

/** A small hand-made THCS packet: independent of the store, so each hostile variant is one edit away from valid. */
inline packet::Packet samplePacket()
{
    packet::Packet p;
    p.lookupCode = QStringLiteral("0123456789abcdef0123456789abcdef");
    p.level = SchoolLevel::Thcs;
    p.version = 2;
    p.replacesVersion = 1;
    p.school.name = QStringLiteral("Trường THCS Nguyễn Du");
    p.school.province = QStringLiteral("Đắk Lắk");
    p.school.moetCode = QStringLiteral("66000123");
    p.school.principalName = QStringLiteral("Phạm Thị Hoà");
    p.school.hasThcs = true;
    p.student.fullName = QStringLiteral("Lê Văn Tùng");
    p.student.gender = Gender::Male;
    p.student.birthDate = QDate(2012, 1, 31);
    p.student.ethnicity = QStringLiteral("Kinh");
    p.schoolYear = SchoolYear {2025};
    p.grade = 7;
    p.className = QStringLiteral("7A2");
    p.homeroomTeacherName = QStringLiteral("Đỗ Minh Châu");
    p.principalName = p.school.principalName;
    p.studyHistory << packet::StudyHistoryEntry {
        SchoolYear {2024}, 6, QStringLiteral("6A2"), p.school.name, QStringLiteral("12"), QDate(2024, 9, 5)};
    p.inputs.circular = Circular::TT22;
    p.inputs.schoolYear = p.schoolYear;
    p.inputs.grade = 7;
    SubjectEntry toan;
    toan.code = QStringLiteral("toan");
    toan.hk1.regular = {QStringLiteral("8"), QString(), QStringLiteral("7.5")};
    toan.hk1.midterm = QStringLiteral("7");
    toan.hk1.final = QStringLiteral("8,25"); // as typed in a draft: inputs keep the teacher's text
    toan.hk1.comment = QStringLiteral("Tiến bộ <rõ> & \"đều\"\r\nCố gắng\thơn");
    p.inputs.subjects << toan;
    p.inputs.conductHk1 = QStringLiteral("T");
    p.inputs.retests.insert(QStringLiteral("toan"), QStringLiteral("6"));
    p.inputs.comment = QString();
    EvaluationOutput out;
    out.ruleSetId = QStringLiteral("TT22/2021@v1");
    out.primary = false;
    ThcsSubjectOutcome so;
    so.code = QStringLiteral("toan");
    so.hk1Average = 79;
    so.yearAverage = 100;
    so.retestRequired = true;
    so.retestScore = 0;
    out.thcsOutcome.subjects << so;
    out.thcsOutcome.learningYear = ThcsLevel::Fair;
    out.thcsOutcome.promotion = Promotion::Promoted;
    out.rulesApplied << QStringLiteral("tt22.art9.cl1b.semester_average_half_up");
    out.findings << Finding {Finding::Severity::Warning, QStringLiteral("score.comma"),
                             QStringLiteral("subjects.toan.hk1.final"), QStringLiteral("Điểm có dấu phẩy")};
    p.results = out;
    p.createdAt = QDateTime(QDate(2026, 6, 1), QTime(1, 2, 3), Qt::UTC);
    return p;
}

} // namespace hocba::test
