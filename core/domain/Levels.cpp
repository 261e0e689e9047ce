// SPDX-License-Identifier: GPL-3.0-or-later
#include "domain/Levels.h"

namespace hocba {

namespace {
// Teachers type the Vietnamese letter Đ as often as D; both mean Đạt.
QString folded(const QString& code)
{
    QString c = code.trimmed().toUpper();
    c.replace(QChar(0x0110), QLatin1Char('D'));
    return c;
}
} // namespace

QString toCode(SubjectLevel v)
{
    switch (v) {
    case SubjectLevel::Good:
        return QStringLiteral("T");
    case SubjectLevel::Completed:
        return QStringLiteral("H");
    case SubjectLevel::NotCompleted:
        return QStringLiteral("C");
    }
    return {};
}

QString toCode(TraitLevel v)
{
    switch (v) {
    case TraitLevel::Good:
        return QStringLiteral("T");
    case TraitLevel::Satisfactory:
        return QStringLiteral("D");
    case TraitLevel::NeedsEffort:
        return QStringLiteral("C");
    }
    return {};
}

QString toCode(PrimaryResult v)
{
    switch (v) {
    case PrimaryResult::Outstanding:
        return QStringLiteral("HTXS");
    case PrimaryResult::Good:
        return QStringLiteral("HTT");
    case PrimaryResult::Completed:
        return QStringLiteral("HT");
    case PrimaryResult::NotCompleted:
        return QStringLiteral("CHT");
    }
    return {};
}

QString toCode(PrimaryAward v)
{
    switch (v) {
    case PrimaryAward::Outstanding:
        return QStringLiteral("xuat_sac");
    case PrimaryAward::Exemplary:
        return QStringLiteral("tieu_bieu");
    case PrimaryAward::None:
        return QStringLiteral("none");
    }
    return {};
}

QString toCode(ThcsLevel v)
{
    switch (v) {
    case ThcsLevel::Good:
        return QStringLiteral("T");
    case ThcsLevel::Fair:
        return QStringLiteral("K");
    case ThcsLevel::Pass:
        return QStringLiteral("D");
    case ThcsLevel::Fail:
        return QStringLiteral("CD");
    }
    return {};
}

QString toCode(CommentResult v)
{
    return v == CommentResult::Pass ? QStringLiteral("D") : QStringLiteral("CD");
}

QString toCode(Promotion v)
{
    switch (v) {
    case Promotion::Promoted:
        return QStringLiteral("promoted");
    case Promotion::CompletedThcs:
        return QStringLiteral("completed_thcs");
    case Promotion::Retest:
        return QStringLiteral("retest");
    case Promotion::SummerTraining:
        return QStringLiteral("summer_training");
    case Promotion::Retained:
        return QStringLiteral("retained");
    }
    return {};
}

QString toCode(ThcsAward v)
{
    switch (v) {
    case ThcsAward::Outstanding:
        return QStringLiteral("xuat_sac");
    case ThcsAward::Excellent:
        return QStringLiteral("gioi");
    case ThcsAward::None:
        return QStringLiteral("none");
    }
    return {};
}

std::optional<SubjectLevel> subjectLevelFromCode(const QString& code)
{
    const QString c = folded(code);
    if (c == QLatin1String("T"))
        return SubjectLevel::Good;
    if (c == QLatin1String("H"))
        return SubjectLevel::Completed;
    if (c == QLatin1String("C"))
        return SubjectLevel::NotCompleted;
    return std::nullopt;
}

std::optional<TraitLevel> traitLevelFromCode(const QString& code)
{
    const QString c = folded(code);
    if (c == QLatin1String("T"))
        return TraitLevel::Good;
    if (c == QLatin1String("D"))
        return TraitLevel::Satisfactory;
    if (c == QLatin1String("C"))
        return TraitLevel::NeedsEffort;
    return std::nullopt;
}

std::optional<ThcsLevel> thcsLevelFromCode(const QString& code)
{
    const QString c = folded(code);
    if (c == QLatin1String("T"))
        return ThcsLevel::Good;
    if (c == QLatin1String("K"))
        return ThcsLevel::Fair;
    if (c == QLatin1String("D"))
        return ThcsLevel::Pass;
    if (c == QLatin1String("CD"))
        return ThcsLevel::Fail;
    return std::nullopt;
}

std::optional<CommentResult> commentResultFromCode(const QString& code)
{
    const QString c = folded(code);
    if (c == QLatin1String("D"))
        return CommentResult::Pass;
    if (c == QLatin1String("CD"))
        return CommentResult::Fail;
    return std::nullopt;
}

} // namespace hocba
