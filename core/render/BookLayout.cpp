// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/BookLayout.h"

namespace hocba::render {

double TableLayout::widthMm() const
{
    double w = 0.0;
    for (const ColumnLayout& c : columns)
        w += c.widthMm;
    return w;
}

namespace {

// The captions below are the Vietnamese form's own words (DOMAIN.md §3): a legal document, never tr().
// Column widths add up to the content width, 175 mm (A4 minus 20 mm left and 15 mm right margins).

constexpr auto L = Qt::AlignLeft | Qt::AlignVCenter;
constexpr auto C = Qt::AlignHCenter | Qt::AlignVCenter;

void commonParts(BookLayout& b)
{
    b.ministry = QStringLiteral("BỘ GIÁO DỤC VÀ ĐÀO TẠO");
    b.coverTitle = QStringLiteral("HỌC BẠ");
    // Since 1/7/2025 there are only provinces and communes (DOMAIN.md §0): no district line (docs/layout.md).
    b.coverFields = {
        {{{QStringLiteral("Họ và tên học sinh:"), QStringLiteral("student.fullName")}}},
        {{{QStringLiteral("Mã tra cứu học bạ:"), QStringLiteral("record.lookupCode")}}},
        {{{QStringLiteral("Trường:"), QStringLiteral("school.name")}}},
        {{{QStringLiteral("Xã (Phường, Đặc khu):"), QStringLiteral("school.commune")}}},
        {{{QStringLiteral("Tỉnh (Thành phố):"), QStringLiteral("school.province")}}},
    };
    b.infoTitle = QStringLiteral("HỌC BẠ");
    b.principalOnInfo = {QStringLiteral("HIỆU TRƯỞNG"), QStringLiteral("(Ký, ghi rõ họ tên và đóng dấu)"),
                         QStringLiteral("(Đã ký số)")};
    b.historyTitle = QStringLiteral("QUÁ TRÌNH HỌC TẬP");
}

BookLayout makePrimary()
{
    BookLayout b;
    b.level = SchoolLevel::Primary;
    commonParts(b);
    b.coverSubtitle = QStringLiteral("TIỂU HỌC");
    b.infoFields = {
        {{{QStringLiteral("Họ và tên học sinh:"), QStringLiteral("student.fullName")},
          {QStringLiteral("Giới tính:"), QStringLiteral("student.gender"), 105.0}}},
        {{{QStringLiteral("Ngày, tháng, năm sinh:"), QStringLiteral("student.birthDate")},
          {QStringLiteral("Dân tộc:"), QStringLiteral("student.ethnicity"), 68.0},
          {QStringLiteral("Quốc tịch:"), QStringLiteral("student.nationality"), 105.0}}},
        {{{QStringLiteral("Nơi sinh:"), QStringLiteral("student.birthplace")}}},
        {{{QStringLiteral("Quê quán:"), QStringLiteral("student.hometown")}}},
        {{{QStringLiteral("Nơi ở hiện nay:"), QStringLiteral("student.address")}}},
        {{{QStringLiteral("Họ và tên cha:"), QStringLiteral("student.fatherName")}}},
        {{{QStringLiteral("Họ và tên mẹ:"), QStringLiteral("student.motherName")}}},
        {{{QStringLiteral("Người giám hộ (nếu có):"), QStringLiteral("student.guardianName")}}},
        {{{QStringLiteral("Số định danh cá nhân:"), QStringLiteral("student.personalId")},
          {QStringLiteral("Mã học sinh:"), QStringLiteral("student.moetCode"), 100.0}}},
    };
    b.history.columns = {
        {QStringLiteral("Năm học"), 33.0, C},
        {QStringLiteral("Lớp"), 17.0, C},
        {QStringLiteral("Tên trường"), 70.0, L},
        {QStringLiteral("Số đăng bộ"), 25.0, C},
        {QStringLiteral("Ngày nhập học/ chuyển đến"), 30.0, C},
    };
    b.history.headerHeightMm = 10.0;
    b.history.rowHeightMm = 7.0;
    b.history.minRows = 5;

    b.yearTitle = QStringLiteral("KẾT QUẢ HỌC TẬP VÀ RÈN LUYỆN");
    b.yearHeaderFields = {
        {{{QStringLiteral("Họ và tên học sinh:"), QStringLiteral("student.fullName")}}},
        {{{QStringLiteral("Lớp:"), QStringLiteral("year.className")},
          {QStringLiteral("Năm học:"), QStringLiteral("year.schoolYear"), 45.0}}},
        {{{QStringLiteral("Trường:"), QStringLiteral("school.name")}}},
        {{{QStringLiteral("Chiều cao:"), QStringLiteral("year.height")},
          {QStringLiteral("Cân nặng:"), QStringLiteral("year.weight"), 45.0}}},
        {{{QStringLiteral("Số ngày nghỉ có phép:"), QStringLiteral("year.absencesExcused")},
          {QStringLiteral("không phép:"), QStringLiteral("year.absencesUnexcused"), 55.0}}},
    };
    b.instructions = {
        QStringLiteral("1. Học bạ được dùng để ghi kết quả đánh giá học sinh trong từng năm học của cấp tiểu học; "
                       "nhà trường lưu giữ học bạ và giao cho học sinh khi học sinh chuyển trường hoặc hoàn thành "
                       "chương trình tiểu học."),
        QStringLiteral("2. Thông tin về học sinh được ghi theo giấy khai sinh và hồ sơ nhập học; Hiệu trưởng ký, "
                       "đóng dấu xác nhận."),
        QStringLiteral("3. Các môn học và hoạt động giáo dục: Mức đạt được ghi T (Hoàn thành tốt), H (Hoàn thành) "
                       "hoặc C (Chưa hoàn thành); Điểm KTĐK là điểm bài kiểm tra định kì cuối năm học; Nhận xét ghi "
                       "những điểm nổi bật về sự tiến bộ, năng khiếu, hứng thú và những nội dung cần khắc phục."),
        QStringLiteral("4. Phẩm chất chủ yếu và năng lực cốt lõi: Mức đạt được ghi T (Tốt), Đ (Đạt) hoặc C (Cần cố "
                       "gắng), kèm nhận xét."),
        QStringLiteral("5. Đánh giá kết quả giáo dục ghi một trong bốn mức: Hoàn thành xuất sắc, Hoàn thành tốt, "
                       "Hoàn thành, Chưa hoàn thành. Khen thưởng ghi danh hiệu học sinh được khen thưởng trong năm "
                       "học. Mục 6 ghi \"Hoàn thành chương trình lớp …\", \"Chưa hoàn thành chương trình lớp …\" "
                       "hoặc \"Hoàn thành chương trình tiểu học\"."),
        QStringLiteral("6. Học bạ số: mỗi năm học được Hiệu trưởng ký số; khối chữ ký số in tên người ký và thời "
                       "gian ký. Bản in được đối chiếu với bản gốc bằng mã tra cứu và mã QR in trên từng trang. Nội "
                       "dung chỉ được sửa trước khi khoá sổ, do nhà trường lập học bạ thực hiện; số chỗ sửa chữa "
                       "được ghi ở cuối trang của năm học."),
    };
    b.subjectsTitle = QStringLiteral("1. Các môn học và hoạt động giáo dục");
    b.subjects.columns = {
        {QStringLiteral("Môn học và hoạt động giáo dục"), 50.0, L},
        {QStringLiteral("Mức đạt được"), 20.0, C},
        {QStringLiteral("Điểm KTĐK"), 18.0, C},
        {QStringLiteral("Nhận xét"), 87.0, L, true},
    };
    b.subjects.headerHeightMm = 9.0;
    b.subjects.rowHeightMm = 6.5;
    b.qualitiesTitle = QStringLiteral("2. Những phẩm chất chủ yếu");
    b.qualities.columns = {
        {QStringLiteral("Phẩm chất"), 50.0, L},
        {QStringLiteral("Mức đạt được"), 20.0, C},
        {QStringLiteral("Nhận xét"), 105.0, L, true},
    };
    b.qualities.headerHeightMm = 7.0;
    b.qualities.rowHeightMm = 5.8;
    b.competenciesTitle = QStringLiteral("3. Những năng lực cốt lõi");
    b.generalCompetenciesTitle = QStringLiteral("3.1. Những năng lực chung");
    b.specificCompetenciesTitle = QStringLiteral("3.2. Những năng lực đặc thù");
    b.competencies = b.qualities;
    b.competencies.columns[0].caption = QStringLiteral("Năng lực");
    b.closingItems = {
        {{{QStringLiteral("4. Đánh giá kết quả giáo dục:"), QStringLiteral("year.result")}}},
        {{{QStringLiteral("Nhận xét của giáo viên chủ nhiệm:"), QStringLiteral("year.comment")}}},
        {{{QStringLiteral("5. Khen thưởng:"), QStringLiteral("year.award")}}},
        {{{QStringLiteral("6. Hoàn thành chương trình lớp học/chương trình tiểu học:"),
           QStringLiteral("year.completion")}}},
    };
    b.yearLeftSignature = {QStringLiteral("Xác nhận của Hiệu trưởng"),
                           QStringLiteral("(Ký, ghi rõ họ tên và đóng dấu)"), QStringLiteral("(Đã ký số)")};
    b.yearRightSignature = {QStringLiteral("Giáo viên chủ nhiệm"), QStringLiteral("(Ký và ghi rõ họ tên)"), QString()};
    return b;
}

BookLayout makeThcs()
{
    BookLayout b;
    b.level = SchoolLevel::Thcs;
    commonParts(b);
    b.coverSubtitle = QStringLiteral("TRUNG HỌC CƠ SỞ");
    b.coverFields.append({{{QStringLiteral("Số sổ đăng bộ:"), QStringLiteral("student.registrationNumber")}}});
    b.infoFields = {
        {{{QStringLiteral("Họ và tên:"), QStringLiteral("student.fullName")},
          {QStringLiteral("Giới tính:"), QStringLiteral("student.gender"), 105.0}}},
        {{{QStringLiteral("Ngày, tháng, năm sinh:"), QStringLiteral("student.birthDate")},
          {QStringLiteral("Dân tộc:"), QStringLiteral("student.ethnicity"), 68.0},
          {QStringLiteral("Quốc tịch:"), QStringLiteral("student.nationality"), 105.0}}},
        {{{QStringLiteral("Nơi sinh:"), QStringLiteral("student.birthplace")}}},
        {{{QStringLiteral("Đối tượng (chính sách):"), QStringLiteral("student.policyGroup")}}},
        {{{QStringLiteral("Chỗ ở hiện tại:"), QStringLiteral("student.address")}}},
        {{{QStringLiteral("Họ và tên cha:"), QStringLiteral("student.fatherName")},
          {QStringLiteral("Nghề nghiệp:"), QStringLiteral("student.fatherOccupation"), 100.0}}},
        {{{QStringLiteral("Họ và tên mẹ:"), QStringLiteral("student.motherName")},
          {QStringLiteral("Nghề nghiệp:"), QStringLiteral("student.motherOccupation"), 100.0}}},
        {{{QStringLiteral("Người giám hộ:"), QStringLiteral("student.guardianName")},
          {QStringLiteral("Nghề nghiệp:"), QStringLiteral("student.guardianOccupation"), 100.0}}},
        {{{QStringLiteral("Số định danh cá nhân:"), QStringLiteral("student.personalId")},
          {QStringLiteral("Mã học sinh:"), QStringLiteral("student.moetCode"), 100.0}}},
    };
    b.history.columns = {
        {QStringLiteral("Năm học"), 24.0, C},
        {QStringLiteral("Lớp"), 12.0, C},
        {QStringLiteral("Tên trường, tỉnh/thành phố"), 55.0, L},
        {QStringLiteral("Số đăng bộ"), 22.0, C},
        {QStringLiteral("Ngày nhập học"), 24.0, C},
        {QStringLiteral("Hiệu trưởng ký, đóng dấu"), 38.0, C},
    };
    b.history.headerHeightMm = 10.0;
    b.history.rowHeightMm = 35.0; // the principal signs and stamps each year's row (DOMAIN.md §3.2)
    b.history.minRows = 4;

    b.yearTitle = QStringLiteral("KẾT QUẢ HỌC TẬP VÀ RÈN LUYỆN");
    b.yearHeaderFields = {
        {{{QStringLiteral("Họ và tên:"), QStringLiteral("student.fullName")}}},
        {{{QStringLiteral("Lớp:"), QStringLiteral("year.className")},
          {QStringLiteral("Năm học:"), QStringLiteral("year.schoolYear"), 45.0}}},
        {{{QStringLiteral("Trường:"), QStringLiteral("school.name")}}},
    };
    b.instructions = {
        QStringLiteral("1. Học bạ do nhà trường quản lí và lưu giữ; giáo viên chủ nhiệm nhận học bạ vào đầu năm học, "
                       "cuối mỗi học kì và cuối năm học để ghi kết quả, sau đó nộp lại cho nhà trường."),
        QStringLiteral("2. Trang thông tin học sinh được ghi đầy đủ khi lập học bạ, theo giấy khai sinh, sổ đăng bộ và "
                       "hồ sơ trúng tuyển; Hiệu trưởng ký, đóng dấu xác nhận quá trình học tập của từng năm học."),
        QStringLiteral("3. Giáo viên môn học ghi điểm trung bình môn học hoặc mức đánh giá (Đ: Đạt, CĐ: Chưa đạt) của "
                       "từng học kì và cả năm học, nhận xét sự tiến bộ, ưu điểm nổi bật, hạn chế chủ yếu của học sinh "
                       "và ghi rõ họ tên."),
        QStringLiteral("4. Giáo viên chủ nhiệm ghi kết quả rèn luyện, kết quả học tập, tổng số buổi nghỉ học, việc "
                       "được lên lớp hoặc không được lên lớp, kết quả rèn luyện trong kì nghỉ hè và kết quả đánh giá "
                       "lại (nếu có), danh hiệu, khen thưởng và nhận xét; Hiệu trưởng phê duyệt, ký và đóng dấu."),
        QStringLiteral("5. Học bạ số: mỗi năm học được Hiệu trưởng ký số; khối chữ ký số in tên người ký và thời "
                       "gian ký. Bản in được đối chiếu với bản gốc bằng mã tra cứu và mã QR in trên từng trang. Nội "
                       "dung chỉ được sửa trước khi khoá sổ, do nhà trường lập học bạ thực hiện; số chỗ sửa chữa "
                       "được ghi ở cuối trang của năm học."),
    };
    b.subjectsTitle = QStringLiteral("Kết quả học tập các môn học và hoạt động giáo dục");
    // The form's last column ("… và chữ ký của giáo viên môn học") in two: the comment and the subject teacher.
    b.subjects.columns = {
        {QStringLiteral("Môn học/hoạt động giáo dục"), 34.0, L, false, 8.5},
        {QStringLiteral("HK I"), 9.0, C},
        {QStringLiteral("HK II"), 9.0, C},
        {QStringLiteral("Cả năm"), 11.0, C},
        {QStringLiteral("Điểm/mức đánh giá lại (nếu có)"), 15.0, C},
        {QStringLiteral("Nhận xét"), 67.0, L, true},
        {QStringLiteral("Giáo viên"), 30.0, L, true, 7.5, true, 6.5},
    };
    b.subjects.groups = {
        {1, 3, QStringLiteral("Điểm trung bình hoặc mức đánh giá")},
        {5, 2, QStringLiteral("Nhận xét (tiến bộ, ưu điểm nổi bật, hạn chế chủ yếu) và chữ ký của giáo viên môn học")},
    };
    b.subjects.headerHeightMm = 12.0;
    b.subjects.rowHeightMm = 5.5;
    b.subjects.headerPoints = 8.0;
    b.subjects.minCellPoints = 7.0;
    b.subjects.cellPoints = 9.0;
    b.conductTitle = QStringLiteral("Kết quả rèn luyện và học tập");
    b.conduct.columns = {
        {QString(), 36.0, L},
        {QStringLiteral("Kết quả rèn luyện"), 40.0, C},
        {QStringLiteral("Kết quả học tập"), 40.0, C},
        {QStringLiteral("Tổng số buổi nghỉ học cả năm"), 59.0, C},
    };
    b.conduct.headerHeightMm = 6.0;
    b.conduct.rowHeightMm = 5.5;
    b.conduct.headerPoints = 8.5;
    b.conduct.cellPoints = 9.0;
    b.closingItems = {
        {{{QStringLiteral("Được lên lớp hoặc không được lên lớp:"), QStringLiteral("year.promotion")}}},
        {{{QStringLiteral("Kết quả rèn luyện trong kì nghỉ hè (nếu có):"), QStringLiteral("year.summer")},
          {QStringLiteral("Kết quả đánh giá lại (nếu có):"), QStringLiteral("year.retest"), 100.0}}},
        {{{QStringLiteral("Danh hiệu, khen thưởng:"), QStringLiteral("year.award")}}},
        {{{QStringLiteral("Nhận xét của giáo viên chủ nhiệm:"), QStringLiteral("year.comment")}}},
    };
    b.yearLeftSignature = {QStringLiteral("Phê duyệt của Hiệu trưởng"),
                           QStringLiteral("(Ký, ghi rõ họ tên và đóng dấu)"), QStringLiteral("(Đã ký số)")};
    b.yearRightSignature = {QStringLiteral("Giáo viên chủ nhiệm"), QStringLiteral("(Ký và ghi rõ họ tên)"), QString()};
    return b;
}

} // namespace

const BookLayout& primaryBookLayout()
{
    static const BookLayout layout = makePrimary();
    return layout;
}

const BookLayout& thcsBookLayout()
{
    static const BookLayout layout = makeThcs();
    return layout;
}

const BookLayout& bookLayout(SchoolLevel level)
{
    return level == SchoolLevel::Primary ? primaryBookLayout() : thcsBookLayout();
}

} // namespace hocba::render
