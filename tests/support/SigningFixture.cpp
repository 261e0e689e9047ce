// SPDX-License-Identifier: GPL-3.0-or-later
#include "SigningFixture.h"

#include "demo/DemoSchool.h"
#include "lifecycle/PacketBuilder.h"
#include "lifecycle/SectionConfirmer.h"
#include "lifecycle/TrustAnchors.h"
#include "store/StudentRepository.h"

#include <QFile>

namespace hocba::test {

namespace {
struct QuietSink : lifecycle::ProgressSink
{
    void itemFinished(const lifecycle::BatchItemResult&, const lifecycle::BatchProgress&) override { }
};
} // namespace

bool SchoolTemplate::create(int students, quint64 seed, const QByteArray& trustedCaDer,
                            std::optional<SchoolYear> signedYear)
{
    if (!m_dir.isValid())
        return false;
    m_path = m_dir.filePath(QStringLiteral("template.db"));
    demo::DemoOptions options;
    options.levels = demo::DemoOptions::Levels::Thcs;
    options.students = students;
    options.seed = seed;
    if (signedYear)
        options.year = *signedYear;
    if (auto made = demo::createDemoSchool(m_path, options); !made) {
        qWarning("demo school: %s", qPrintable(describe(made.error())));
        return false;
    }
    year = options.year;
    if (trustedCaDer.isEmpty())
        return true;
    auto db = store::Database::openOrCreate(m_path);
    return db
        && lifecycle::TrustAnchors::add(**db, lifecycle::Actor::unrestricted(), trustedCaDer, QStringLiteral("test"));
}

QString SchoolTemplate::copyPath()
{
    const QString path = m_dir.filePath(QStringLiteral("school-%1.db").arg(++m_copies));
    return QFile::copy(m_path, path) ? path : QString();
}

std::unique_ptr<store::Database> SchoolTemplate::openCopy()
{
    const QString path = copyPath();
    if (path.isEmpty())
        return nullptr;
    auto db = store::Database::openOrCreate(path);
    return db ? std::move(*db) : nullptr;
}

bool confirmAcknowledged(store::Database& db, SchoolYear year, const std::optional<QString>& className)
{
    lifecycle::ConfirmOptions options;
    options.year = year;
    options.className = className;
    options.acknowledgeWarnings = true;
    options.acknowledgedBy = QStringLiteral("GVCN test");
    return lifecycle::confirmSections(db, lifecycle::Actor::unrestricted(), options).has_value();
}

QList<Id> readySections(store::Database& db, SchoolYear year, const std::optional<QString>& className)
{
    QList<Id> ready;
    store::StudentRepository repo(db);
    for (Id id : lifecycle::sectionsToExport(db, year, className).value_or(QList<Id> {}))
        if (auto s = repo.section(id); s && *s && (*s)->state == SectionState::Ready)
            ready << id;
    return ready;
}

Result<lifecycle::BatchReport> signBatch(store::Database& db, signing::Signer& signer, const QList<Id>& sectionIds,
                                         signing::SignerRole role)
{
    lifecycle::SectionSignOptions options;
    options.role = role;
    lifecycle::BatchSignJob job(db, signer, options, lifecycle::Actor::unrestricted());
    QuietSink sink;
    CancellationToken cancel;
    return job.run(sectionIds, sink, cancel);
}

bool signFirstSections(const QString& path, SchoolYear year, signing::Signer& signer, int count)
{
    auto db = store::Database::openExisting(path);
    if (!db || !confirmAcknowledged(**db, year))
        return false;
    const QList<Id> ready = readySections(**db, year);
    auto report = signBatch(**db, signer, ready.mid(0, count));
    if (!report || int(report->signedItems.size()) != count) {
        qWarning("signing %d sections: %s", count,
                 report ? "some were not signed" : qPrintable(describe(report.error())));
        return false;
    }
    return true;
}

} // namespace hocba::test
