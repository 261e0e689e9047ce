// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/PrintSettings.h"

#include "store/AuditLog.h"
#include "store/Database.h"
#include "util/Digest.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QUrl>

namespace hocba::lifecycle {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(hocba::lifecycle::PrintSettings)
};

/** Writes one column of the single row, creating the row when there is none, with its audit entry. */
template <class Bind>
Status update(store::Database& db, const QString& column, Bind bind, const QString& field,
              const std::optional<QString>& oldValue, const std::optional<QString>& newValue)
{
    store::Transaction tx(db);
    if (!tx.began())
        return tx.began();
    auto st = db.prepare(QStringLiteral("INSERT INTO print_settings (id, %1, updated_at) VALUES "
                                        "(1, ?1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')) ON CONFLICT (id) DO UPDATE "
                                        "SET %1 = excluded.%1, updated_at = excluded.updated_at")
                             .arg(column));
    if (!st)
        return std::unexpected(st.error());
    bind(*st);
    if (auto s = st->exec(); !s)
        return s;
    if (auto s = store::AuditLog(db).append(QStringLiteral("school.print_settings"), QStringLiteral("print_settings"),
                                            QStringLiteral("1"), field, oldValue, newValue);
        !s)
        return s;
    return tx.commit();
}

} // namespace

Result<PrintSettings> printSettings(store::Database& db)
{
    auto st = db.prepare(QStringLiteral(
        "SELECT coalesce(lookup_url, ''), seal_png, instructions_page FROM print_settings WHERE id = 1"));
    if (!st)
        return std::unexpected(st.error());
    auto row = st->step();
    if (!row)
        return std::unexpected(row.error());
    PrintSettings s;
    if (*row) {
        s.lookupUrl = st->text(0);
        s.sealPng = st->blob(1);
        s.instructionsPage = st->int64(2) != 0;
    }
    return s;
}

Result<QString> checkedLookupUrl(const QString& text)
{
    const QString trimmed = text.trimmed();
    const QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (trimmed.isEmpty() || !url.isValid() || (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        || url.host().isEmpty())
        return fail(ErrorCode::InvalidInput,
                    Text::tr("\"%1\" is not a web address the lookup portal can have: write it whole, starting with "
                             "https:// (or http://), e.g. https://tracuu.sogd.example.vn/.")
                        .arg(trimmed));
    if (url.hasQuery() || url.hasFragment())
        return fail(
            ErrorCode::InvalidInput,
            Text::tr("The lookup portal's address must not contain \"?\" or \"#\": the QR codes add the record's "
                     "code after it (\"?ma=…\")."));
    if (trimmed.size() > 200)
        return fail(ErrorCode::InvalidInput,
                    Text::tr("The lookup portal's address is too long for the QR codes (at most 200 characters)."));
    return url.toString(QUrl::FullyEncoded);
}

Status setLookupUrl(store::Database& db, const Actor& actor, const QString& url)
{
    if (auto ok = permit(db, actor, Right::ManageSchool); !ok)
        return ok;
    QString stored;
    if (!url.trimmed().isEmpty()) {
        auto checked = checkedLookupUrl(url);
        if (!checked)
            return std::unexpected(checked.error());
        stored = *checked;
    }
    auto before = printSettings(db);
    if (!before)
        return std::unexpected(before.error());
    return update(
        db, QStringLiteral("lookup_url"),
        [&stored](store::Statement& st) {
            if (stored.isEmpty())
                st.bindNull(1);
            else
                st.bind(1, stored);
        },
        QStringLiteral("lookup_url"), before->lookupUrl, stored);
}

Result<QByteArray> sealPngFromImage(const QByteArray& fileBytes)
{
    if (fileBytes.size() > kMaxSealFileBytes)
        return fail(ErrorCode::InvalidInput,
                    Text::tr("The seal image is too large (%1 KB); at most %2 KB is accepted. Scan it at a lower "
                             "resolution or save it as PNG.")
                        .arg((fileBytes.size() + 1023) / 1024)
                        .arg(kMaxSealFileBytes / 1024));
    QBuffer buffer;
    buffer.setData(fileBytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setDecideFormatFromContent(true);
    const QByteArray format = reader.format().toLower();
    if (format != "png" && format != "jpeg" && format != "jpg")
        return fail(ErrorCode::InvalidInput, Text::tr("The seal image must be a PNG or JPEG file."),
                    QStringLiteral("format '%1'").arg(QString::fromLatin1(format)));
    const QSize size = reader.size();
    if (!size.isValid() || size.width() > kMaxSealPixels || size.height() > kMaxSealPixels)
        return fail(ErrorCode::InvalidInput,
                    Text::tr("The seal image is %1 × %2 pixels; at most %3 pixels on either side is accepted.")
                        .arg(size.width())
                        .arg(size.height())
                        .arg(kMaxSealPixels));
    QImage image;
    if (!reader.read(&image) || image.isNull())
        return fail(ErrorCode::InvalidInput, Text::tr("The seal image cannot be read: the file is damaged."),
                    reader.errorString());
    QByteArray png;
    QBuffer out(&png);
    out.open(QIODevice::WriteOnly);
    if (!image.save(&out, "PNG"))
        return fail(ErrorCode::Internal, Text::tr("The seal image could not be converted to PNG."));
    return png;
}

Status setSeal(store::Database& db, const Actor& actor, const QByteArray& fileBytes)
{
    if (auto ok = permit(db, actor, Right::ManageSchool); !ok)
        return ok;
    QByteArray png;
    if (!fileBytes.isEmpty()) {
        auto converted = sealPngFromImage(fileBytes);
        if (!converted)
            return std::unexpected(converted.error());
        png = std::move(*converted);
    }
    auto before = printSettings(db);
    if (!before)
        return std::unexpected(before.error());
    auto fingerprint = [](const QByteArray& b) -> std::optional<QString> {
        if (b.isEmpty())
            return std::nullopt;
        return QString::fromLatin1(digest::sha256(b).toHex());
    };
    // The audit names the image by its SHA-256; the picture itself stays in the settings row.
    return update(
        db, QStringLiteral("seal_png"),
        [&png](store::Statement& st) {
            if (png.isEmpty())
                st.bindNull(1);
            else
                st.bind(1, png);
        },
        QStringLiteral("seal_png"), fingerprint(before->sealPng), fingerprint(png));
}

Status setInstructionsPage(store::Database& db, const Actor& actor, bool on)
{
    if (auto ok = permit(db, actor, Right::ManageSchool); !ok)
        return ok;
    auto before = printSettings(db);
    if (!before)
        return std::unexpected(before.error());
    auto word = [](bool b) { return b ? QStringLiteral("1") : QStringLiteral("0"); };
    return update(
        db, QStringLiteral("instructions_page"), [on](store::Statement& st) { st.bind(1, on ? 1 : 0); },
        QStringLiteral("instructions_page"), word(before->instructionsPage), word(on));
}

Status setSealFromFile(store::Database& db, const Actor& actor, const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(ErrorCode::NotFound, Text::tr("Cannot read the file %1. Check the name and try again.").arg(path),
                    f.errorString());
    if (f.size() > kMaxSealFileBytes)
        return fail(ErrorCode::InvalidInput,
                    Text::tr("The seal image is too large (%1 KB); at most %2 KB is accepted. Scan it at a lower "
                             "resolution or save it as PNG.")
                        .arg((f.size() + 1023) / 1024)
                        .arg(kMaxSealFileBytes / 1024));
    const QByteArray bytes = f.readAll();
    if (bytes.isEmpty())
        return fail(ErrorCode::InvalidInput, Text::tr("The seal image must be a PNG or JPEG file."),
                    QStringLiteral("empty file"));
    return setSeal(db, actor, bytes);
}

void applyPrintSettings(const PrintSettings& settings, render::RenderOptions& options)
{
    if (!settings.lookupUrl.isEmpty())
        options.portalBaseUrl = settings.lookupUrl;
    if (!settings.sealPng.isEmpty()) {
        QImage seal;
        if (seal.loadFromData(settings.sealPng, "PNG"))
            options.sealImage = seal;
    }
    options.instructionsPage = settings.instructionsPage;
}

Status applyPrintSettings(store::Database& db, render::RenderOptions& options)
{
    auto settings = printSettings(db);
    if (!settings)
        return std::unexpected(settings.error());
    applyPrintSettings(*settings, options);
    return {};
}

} // namespace hocba::lifecycle
