// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "domain/Types.h"
#include "render/Fonts.h"

#include <QColor>
#include <QList>
#include <QString>
#include <QStringList>
#include <Qt>

namespace hocba::render {

/** A column of a printed table: its caption, width in mm, how its cells are aligned and whether long text shrinks. */
struct ColumnLayout
{
    QString caption;
    double widthMm = 20.0;
    Qt::Alignment align = Qt::AlignLeft;
    /** Long text first steps the font down (to BookLayout::minCellPoints) before the row grows. */
    bool shrinkToFit = false;
    /** The cells' font size; 0: the table's (TableLayout::cellPoints, else BookLayout::cellFont). */
    double points = 0.0;
    bool italic = false;
    double minPoints = 0.0; ///< how far it shrinks; 0: the table's (TableLayout::minCellPoints)
};

/** A caption over several neighbouring columns (the TT22 "Điểm trung bình hoặc mức đánh giá" over HK I/II/Cả năm). */
struct ColumnGroup
{
    int firstColumn = 0;
    int columnCount = 1;
    QString caption;
};

/** A printed table: its columns, the header's and a body row's minimum height, and how many rows it always has. */
struct TableLayout
{
    QList<ColumnLayout> columns;
    QList<ColumnGroup> groups;
    double headerHeightMm = 8.0;
    double rowHeightMm = 6.0;
    int minRows = 0; ///< padded with blank rows (the study history table of a new record)
    double headerPoints = 0.0; ///< the captions' size; 0: BookLayout::headerCellFont
    double cellPoints = 0.0; ///< the cells' size; 0: BookLayout::cellFont
    double minCellPoints = 0.0; ///< how far shrinkable cells shrink; 0: BookLayout::minCellPoints

    double widthMm() const;
};

/** A labelled line of a page ("Họ và tên học sinh: …"), one or more label/value pairs side by side. */
struct FieldLine
{
    struct Field
    {
        QString label;
        QString key; ///< which value (RecordRenderer fills it), e.g. "student.fullName"
        double xMm = 0.0; ///< from the left margin
    };
    QList<Field> fields;
};

/**
 * A signature block: title, hint in italics, room for the signature and the seal, then the signer's name. In a block
 * signed digitally the room holds the signature's appearance (docs/layout.md) and the hint is `signedHint`.
 */
struct SignatureLayout
{
    QString title;
    QString hint;
    QString signedHint;
    double roomMm = 35.0; ///< between the hint and the typed name: a round school seal is about 35 mm across
};

/**
 * One book (TT27 primary, TT22 THCS) as data: page geometry, fonts, every fixed caption and every table, in mm.
 * RecordRenderer walks it for the PDF and for the printer alike; the captions are the legal Vietnamese form's and
 * are never translated.
 */
struct BookLayout
{
    SchoolLevel level = SchoolLevel::Primary;

    // Page: A4 portrait.
    double pageWidthMm = 210.0;
    double pageHeightMm = 297.0;
    double marginLeftMm = 20.0; ///< the binding side; on even pages of a duplex print the margins swap
    double marginRightMm = 15.0;
    double marginTopMm = 9.0;
    double marginBottomMm = 8.0;
    double headerHeightMm = 7.5; ///< running header: student name, lookup code (none on the cover)
    double footerHeightMm = 6.0; ///< running footer: page number
    double qrSizeMm = 25.0;
    double qrClearanceBelowMm = 1.0; ///< the first full-width line starts this far under the QR code
    double qrClearanceBesideMm = 3.0; ///< lines beside the QR code end this far from it
    int qrQuietZoneModules = 4; ///< white modules around the symbol, each side
    /** The PDF writer's resolution: page coordinates, fonts and the QR image are placed on this grid. */
    static constexpr int pdfDotsPerInch = 600;

    FontSpec bodyFont {10.0};
    FontSpec smallFont {8.5};
    FontSpec cellFont {9.5};
    FontSpec headerCellFont {9.0, true};
    FontSpec sectionFont {11.0, true};
    FontSpec titleFont {15.0, true};
    double minCellPoints = 8.5; ///< long comments shrink (a step or two) to this size before their row grows
    double cellPaddingMm = 0.8;

    // Cover: the ministry (in sectionFont), title and subtitle centred, then the fields indented.
    QString ministry;
    QString coverTitle;
    QString coverSubtitle;
    QList<FieldLine> coverFields;
    double coverTopMm = 20.0; ///< above the ministry
    double coverAfterMinistryMm = 45.0;
    FontSpec coverTitleFont {40.0, true};
    double coverAfterTitleMm = 2.0;
    FontSpec coverSubtitleFont {22.0, true};
    double coverAfterSubtitleMm = 45.0;
    double coverFieldIndentMm = 15.0;
    double coverFieldSpacingMm = 3.0; ///< between two field lines

    // The watermark of a draft: under the content, centred on the page, along the diagonal from bottom-left to
    // top-right (atan(297 / 210) ≈ 54.7°).
    QString draftWatermark = QStringLiteral("BẢN NHÁP – CHƯA CÓ HIỆU LỰC");
    /** Printed under a year the Department has locked (%1: the effective date), on copies printed after the lock. */
    QString lockedNote = QStringLiteral("Năm học này đã được Sở GDĐT khoá sổ, có hiệu lực từ ngày %1; "
                                        "nội dung không thể thay đổi.");
    /** The page before a year received from an earlier school (%1: school year, %2: that school). */
    QString receivedTitle = QStringLiteral("Năm học %1 — nhận từ %2, do %2 ký số");
    /** Under it (%1: how many pages follow, %2: class, %3: that school). */
    QString receivedNote = QStringLiteral(
        "Sau trang này là %1 trang nguyên văn của học bạ năm học này (lớp %2) do %3 lập và ký số, nhận khi học sinh "
        "chuyển trường. Các trang đó không được sửa và không được ký lại; chữ ký số nằm trong bản gốc (tệp PDF đã ký, "
        "lưu nguyên vẹn trong hồ sơ học bạ) và kiểm tra được qua mã QR in trên từng trang.");
    FontSpec draftWatermarkFont {34.0, true};
    double draftWatermarkAngleDeg = -54.7;
    QColor draftWatermarkColor {200, 30, 30, 90};

    // "Hướng dẫn ghi học bạ" after the cover (RenderOptions::instructionsPage): numbered paragraphs
    QString instructionsTitle = QStringLiteral("HƯỚNG DẪN GHI HỌC BẠ");
    QStringList instructions;

    // The signature appearance of a block signed digitally (docs/layout.md; `verify` reads it back)
    QString appearanceHolder = QStringLiteral("Ký số bởi: %1");
    QString appearanceRole = QStringLiteral("Chức vụ: %1");
    QString appearanceTime = QStringLiteral("Thời gian ký: %1");
    QString appearanceIssuer = QStringLiteral("Đơn vị cấp: %1");
    double sealSizeMm = 32.0;

    // Lines of a year before its date line (the lines of certificates and competitions only when there are some)
    QString correctionLine = QStringLiteral("Trong trang này có sửa chữa ở %1 chỗ.");
    QString certificatesLabel = QStringLiteral("Chứng chỉ:");
    QString competitionsLabel = QStringLiteral("Cuộc thi:");

    // Student information page
    QString infoTitle;
    QList<FieldLine> infoFields;
    SignatureLayout principalOnInfo;
    QString historyTitle;
    TableLayout history;

    // Year page
    QString yearTitle;
    QList<FieldLine> yearHeaderFields;
    QString subjectsTitle;
    TableLayout subjects;
    // TT27 only
    QString qualitiesTitle;
    TableLayout qualities;
    QString competenciesTitle;
    QString generalCompetenciesTitle;
    QString specificCompetenciesTitle;
    TableLayout competencies;
    // TT22 only
    QString conductTitle;
    TableLayout conduct;
    /** The closing lines of a year: "4. Đánh giá kết quả giáo dục: …" etc. */
    QList<FieldLine> closingItems;
    SignatureLayout yearLeftSignature;
    SignatureLayout yearRightSignature;

    double contentWidthMm() const { return pageWidthMm - marginLeftMm - marginRightMm; }
};

/** The primary record (mẫu học bạ kèm TT27, DOMAIN.md §3.1). */
const BookLayout& primaryBookLayout();
/** The THCS record (mẫu học bạ kèm TT22, DOMAIN.md §3.2). */
const BookLayout& thcsBookLayout();
const BookLayout& bookLayout(SchoolLevel level);

} // namespace hocba::render
