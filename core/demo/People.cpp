// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/People.h"

#include "domain/PersonalId.h"
#include "util/Text.h"

#include <array>
#include <limits>

namespace hocba::demo {

// ---------------------------------------------------------------------------------------------------------------
// Rng

long long Rng::uniform64(long long n)
{
    if (n <= 0)
        return 0;
    // Reject the lowest 2^64 mod n raw values so that every residue is equally likely (as arc4random_uniform).
    const std::uint64_t range = static_cast<std::uint64_t>(n);
    const std::uint64_t threshold = (0 - range) % range;
    std::uint64_t r = next();
    while (r < threshold)
        r = next();
    return static_cast<long long>(r % range);
}

int Rng::uniform(int lo, int hi)
{
    if (hi <= lo)
        return lo;
    return static_cast<int>(lo + uniform64(static_cast<long long>(hi) - lo + 1));
}

double Rng::unit()
{
    return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

std::size_t Rng::weightedIndex(std::span<const int> weights)
{
    long long total = 0;
    for (int w : weights)
        total += w;
    long long r = uniform64(total);
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (r < weights[i])
            return i;
        r -= weights[i];
    }
    return weights.empty() ? 0 : weights.size() - 1;
}

namespace {

// ---------------------------------------------------------------------------------------------------------------
// Tables. Weights are integers (per ten thousand where it reads naturally) so that picks do no floating point.
// All strings are UTF-8 in NFC; names use the tone placement of the civil registry ("Hòa", "Thủy").

struct W
{
    const char* text;
    int weight;
};

template <std::size_t N> using Table = std::array<W, N>;

struct Family
{
    const char* text;
    int north; ///< weight north of Đà Nẵng
    int south; ///< weight from Đà Nẵng southwards (Huỳnh and Võ are the southern forms of Hoàng and Vũ)
};

constexpr std::array<Family, 33> kFamilies {{
    {"Nguyễn", 3800, 3800}, {"Trần", 1100, 1100}, {"Lê", 950, 950},  {"Phạm", 700, 700},  {"Hoàng", 420, 100},
    {"Huỳnh", 80, 400},     {"Phan", 450, 450},   {"Vũ", 330, 80},   {"Võ", 60, 310},     {"Đặng", 210, 210},
    {"Bùi", 200, 200},      {"Đỗ", 140, 140},     {"Hồ", 130, 130},  {"Ngô", 130, 130},   {"Dương", 100, 100},
    {"Lý", 50, 50},         {"Đinh", 120, 120},   {"Đào", 120, 120}, {"Trịnh", 100, 100}, {"Mai", 80, 80},
    {"Lương", 80, 80},      {"Đoàn", 80, 80},     {"Lưu", 60, 60},   {"Tạ", 50, 50},      {"Cao", 60, 60},
    {"Hà", 60, 60},         {"Chu", 40, 40},      {"Tô", 40, 40},    {"Lâm", 50, 50},     {"Kiều", 30, 30},
    {"Quách", 30, 30},      {"Triệu", 30, 30},    {"Phùng", 40, 40},
}};

struct Ethnicity
{
    const char* name;
    int weight;
    std::array<const char*, 6> families; ///< family names typical of the group; nullptr = none in particular
};

// Official names of the 54 groups (Mông, not H'Mông). Only groups whose names follow the family–middle–given
// order are used, so that every generated name has the shape the name sorting expects.
constexpr std::array<Ethnicity, 12> kEthnicities {{
    {"Kinh", 8600, {}},
    {"Tày", 200, {"Hoàng", "Nông", "Lương", "Ma", "Hà", "Triệu"}},
    {"Thái", 190, {"Lò", "Lường", "Quàng", "Cầm", "Vi", "Hà"}},
    {"Mường", 160, {"Bùi", "Đinh", "Quách", "Hà", "Xa", "Bạch"}},
    {"Khmer", 140, {"Thạch", "Sơn", "Danh", "Kim", "Lâm", "Châu"}},
    {"Mông", 130, {"Giàng", "Thào", "Vàng", "Sùng", "Lý", "Mùa"}},
    {"Nùng", 110, {"Nông", "Hoàng", "Lý", "Vi", "Lăng", "Triệu"}},
    {"Hoa", 90, {"Lâm", "Lý", "Quách", "Hứa", "Tăng", "Lưu"}},
    {"Dao", 90, {"Triệu", "Bàn", "Đặng", "Lý", "Phùng", "Chảo"}},
    {"Sán Dìu", 30, {"Lý", "Diệp", "Trương", "Lam", "Ninh", "Dương"}},
    {"Sán Chay", 30, {"Hoàng", "Lục", "Trần", "Lâm", "Lý", "Hà"}},
    {"Giáy", 10, {"Hoàng", "Lò", "Sầm", "Vương", "Lục", "Sần"}},
}};

// Children born 2010–2020: "Văn" and "Thị" are far rarer than for their parents.
constexpr Table<24> kBoyMiddles {{
    {"Văn", 700},   {"Minh", 1400}, {"Đức", 800},   {"Quang", 700}, {"Gia", 1000},  {"Hoàng", 600},
    {"Anh", 700},   {"Duy", 600},   {"Bảo", 800},   {"Tuấn", 500},  {"Hữu", 400},   {"Thành", 400},
    {"Trung", 300}, {"Nhật", 400},  {"Đăng", 300},  {"Khánh", 300}, {"Thiên", 250}, {"Phúc", 200},
    {"Công", 200},  {"Xuân", 200},  {"Trọng", 200}, {"Hải", 200},   {"Đình", 200},  {"Tiến", 150},
}};

constexpr Table<25> kGirlMiddles {{
    {"Thị", 1100},  {"Ngọc", 1200}, {"Thu", 600}, {"Minh", 700}, {"Bảo", 800},  {"Khánh", 700}, {"Phương", 600},
    {"Thanh", 600}, {"Hà", 400},    {"Mai", 400}, {"Gia", 400},  {"Hoài", 300}, {"Quỳnh", 400}, {"Thảo", 300},
    {"Kim", 300},   {"Diệu", 300},  {"Tuệ", 300}, {"Hồng", 200}, {"Lan", 200},  {"Tường", 200}, {"Bích", 200},
    {"Tú", 200},    {"Hải", 200},   {"Yến", 200}, {"Cẩm", 200},
}};

constexpr Table<48> kBoyGiven {{
    {"Minh", 500},  {"Huy", 450},   {"Khang", 400},  {"Bảo", 380},   {"Phúc", 360},  {"Anh", 350},  {"Khoa", 320},
    {"Long", 300},  {"Nam", 300},   {"Đức", 300},    {"Quân", 300},  {"Hoàng", 260}, {"Tuấn", 250}, {"Dũng", 220},
    {"Hải", 220},   {"Lâm", 220},   {"Phong", 220},  {"Khôi", 260},  {"Kiên", 180},  {"Duy", 200},  {"Hiếu", 180},
    {"Thịnh", 160}, {"Trí", 180},   {"Nguyên", 200}, {"Nhật", 160},  {"Vinh", 150},  {"An", 250},   {"Khánh", 180},
    {"Tùng", 150},  {"Sơn", 150},   {"Đạt", 200},    {"Thành", 180}, {"Hưng", 160},  {"Vũ", 150},   {"Hào", 120},
    {"Tài", 120},   {"Thiện", 120}, {"Việt", 140},   {"Quang", 140}, {"Trung", 140}, {"Toàn", 100}, {"Lộc", 120},
    {"Phát", 140},  {"Tiến", 100},  {"Bách", 120},   {"Khải", 100},  {"Hùng", 100},  {"Đăng", 120},
}};

constexpr Table<48> kGirlGiven {{
    {"Anh", 500},   {"Linh", 450},  {"Ngọc", 350},  {"Vy", 350},   {"Hân", 340},   {"Trang", 320}, {"Thảo", 300},
    {"Nhi", 320},   {"Hà", 260},    {"My", 300},    {"Chi", 280},  {"Hương", 220}, {"Mai", 220},   {"Lan", 180},
    {"Yến", 180},   {"Thư", 280},   {"Ngân", 240},  {"Trâm", 180}, {"Uyên", 200},  {"Vân", 160},   {"Hoa", 120},
    {"Quỳnh", 200}, {"Nhung", 120}, {"Giang", 180}, {"Diệp", 120}, {"Hằng", 140},  {"Huyền", 160}, {"Phương", 200},
    {"Nga", 100},   {"Thủy", 120},  {"Tâm", 140},   {"An", 240},   {"Châu", 140},  {"Khuê", 100},  {"Loan", 80},
    {"Hạnh", 120},  {"Đan", 100},   {"Nhiên", 120}, {"Hiền", 140}, {"Tú", 100},    {"Như", 160},   {"Thy", 120},
    {"Oanh", 80},   {"Di", 100},    {"Lam", 100},   {"Ly", 160},   {"Trinh", 120}, {"Mỹ", 80},
}};

// Parents and teachers, born 1965–1998.
constexpr Table<14> kManMiddles {{
    {"Văn", 4500},
    {"Đức", 900},
    {"Minh", 800},
    {"Quang", 600},
    {"Hữu", 600},
    {"Xuân", 400},
    {"Thanh", 400},
    {"Ngọc", 300},
    {"Mạnh", 300},
    {"Công", 400},
    {"Đình", 500},
    {"Trọng", 300},
    {"Tiến", 300},
    {"Việt", 200},
}};

constexpr Table<14> kWomanMiddles {{
    {"Thị", 6000},
    {"Thu", 700},
    {"Ngọc", 600},
    {"Thanh", 600},
    {"Kim", 400},
    {"Minh", 300},
    {"Hồng", 400},
    {"Phương", 300},
    {"Bích", 200},
    {"Thúy", 200},
    {"Mai", 100},
    {"Lan", 100},
    {"Diệu", 50},
    {"Hải", 50},
}};

constexpr Table<30> kManGiven {{
    {"Hùng", 400},  {"Dũng", 400},  {"Tuấn", 400}, {"Hải", 350},   {"Thắng", 300}, {"Cường", 300},
    {"Sơn", 300},   {"Long", 300},  {"Nam", 300},  {"Trung", 250}, {"Hưng", 250},  {"Minh", 300},
    {"Quang", 200}, {"Tùng", 250},  {"Hiếu", 200}, {"Thành", 250}, {"Bình", 200},  {"Đức", 250},
    {"Hòa", 150},   {"Phong", 150}, {"Toàn", 150}, {"Việt", 150},  {"Khánh", 150}, {"Tiến", 150},
    {"Hoàng", 150}, {"Lâm", 100},   {"Kiên", 100}, {"Huy", 200},   {"Thịnh", 100}, {"Chiến", 150},
}};

constexpr Table<30> kWomanGiven {{
    {"Hương", 400}, {"Lan", 300},  {"Hoa", 300},   {"Hằng", 350},   {"Thủy", 300},  {"Trang", 350},
    {"Hà", 350},    {"Linh", 300}, {"Huyền", 300}, {"Mai", 250},    {"Ngọc", 200},  {"Loan", 200},
    {"Nga", 250},   {"Thảo", 250}, {"Yến", 200},   {"Phương", 250}, {"Dung", 250},  {"Hạnh", 200},
    {"Oanh", 150},  {"Vân", 200},  {"Thu", 150},   {"Nhung", 200},  {"Liên", 150},  {"Hiền", 200},
    {"Thúy", 200},  {"Tâm", 150},  {"Giang", 150}, {"Anh", 200},    {"Quyên", 100}, {"Xuân", 100},
}};

constexpr Table<17> kFatherJobs {{
    {"Công nhân", 1400},
    {"Kinh doanh", 1300},
    {"Nông dân", 900},
    {"Lao động tự do", 1100},
    {"Cán bộ", 600},
    {"Công chức", 500},
    {"Viên chức", 400},
    {"Kỹ sư", 500},
    {"Lái xe", 500},
    {"Bộ đội", 250},
    {"Công an", 250},
    {"Bác sĩ", 150},
    {"Giáo viên", 250},
    {"Nhân viên văn phòng", 700},
    {"Thợ xây", 400},
    {"Buôn bán", 500},
    {"Thợ điện", 200},
}};

constexpr Table<15> kMotherJobs {{
    {"Công nhân", 1400},
    {"Kinh doanh", 1200},
    {"Buôn bán", 800},
    {"Nội trợ", 1000},
    {"Giáo viên", 600},
    {"Nông dân", 800},
    {"Cán bộ", 400},
    {"Viên chức", 400},
    {"Nhân viên văn phòng", 900},
    {"Lao động tự do", 900},
    {"Kế toán", 500},
    {"Điều dưỡng", 250},
    {"Y sĩ", 100},
    {"Thợ may", 300},
    {"Công chức", 300},
}};

// Commune and ward names that occur in many provinces; a demo does not need a real gazetteer.
constexpr std::array<const char*, 40> kCommunes {{
    "Tân Lập",    "Hòa Bình",  "Đông Hưng",  "Minh Khai", "Quang Trung", "Nghĩa Đô",  "Yên Hòa",    "Thanh Xuân",
    "Tiên Du",    "An Khánh",  "Phú Xuân",   "Tân Phú",   "Hồng Phong",  "Đồng Tâm",  "Thống Nhất", "Kim Lũ",
    "Vĩnh Tuy",   "Phúc Lợi",  "Bình Minh",  "Hợp Thanh", "Xuân Phương", "Đại Mỗ",    "Tây Tựu",    "Liên Minh",
    "Nam Sơn",    "Bắc Sơn",   "Quảng Phú",  "Thạch Bàn", "Cẩm Giàng",   "Nghĩa Trụ", "Hòa Lạc",    "Định Công",
    "Hoàng Liệt", "Phú Lương", "Thụy Hương", "Việt Hưng", "Đức Giang",   "Ngọc Thụy", "Kim Chung",  "Vân Canh",
}};

constexpr std::array<const char*, 28> kStreets {{
    "Quang Trung",      "Lê Lợi",        "Trần Hưng Đạo",  "Nguyễn Trãi",     "Lý Thường Kiệt", "Hai Bà Trưng",
    "Hoàng Hoa Thám",   "Nguyễn Du",     "Phan Chu Trinh", "Lê Duẩn",         "Trường Chinh",   "Giải Phóng",
    "Nguyễn Văn Cừ",    "Tôn Đức Thắng", "Võ Thị Sáu",     "Điện Biên Phủ",   "Phạm Văn Đồng",  "Hùng Vương",
    "Lạc Long Quân",    "Âu Cơ",         "Kim Mã",         "Xuân Thủy",       "Hồ Tùng Mậu",    "Trần Phú",
    "Nguyễn Chí Thanh", "Láng Hạ",       "Ngọc Lâm",       "Hoàng Quốc Việt",
}};

constexpr std::array<const char*, 8> kHamlets {
    {"Thôn Đông", "Thôn Đoài", "Thôn Trung", "Thôn Thượng", "Thôn Hạ", "Xóm Mới", "Thôn Bắc", "Thôn Nam"}};

struct Country
{
    int code;
    const char* name;
};

// Only the codes DOMAIN.md §4.2 quotes from the TT 07/2016 appendix.
constexpr std::array<Country, 4> kCountries {{
    {107, "Vương quốc Anh"},
    {175, "Hoa Kỳ"},
    {232, "Nhật Bản"},
    {279, "Trung Quốc"},
}};

constexpr std::array<const char*, 4> kHanoiHospitals {
    {"Bệnh viện Phụ sản Hà Nội", "Bệnh viện Phụ sản Trung ương", "Bệnh viện Bạch Mai", "Bệnh viện Đa khoa Đức Giang"}};

constexpr Table<12> kThcsSubjects {{
    {"Toán", 1600},
    {"Ngữ văn", 1500},
    {"Tiếng Anh", 1200},
    {"Khoa học tự nhiên", 1300},
    {"Lịch sử và Địa lí", 1000},
    {"Giáo dục công dân", 500},
    {"Công nghệ", 400},
    {"Tin học", 500},
    {"Giáo dục thể chất", 600},
    {"Nghệ thuật (Âm nhạc)", 350},
    {"Nghệ thuật (Mĩ thuật)", 350},
    {"Toán, Tin học", 300},
}};

constexpr Table<6> kPrimarySubjects {{
    {"Tiếng Việt, Toán, Đạo đức, Hoạt động trải nghiệm", 7800},
    {"Tiếng Anh", 700},
    {"Tin học, Công nghệ", 400},
    {"Âm nhạc", 350},
    {"Mĩ thuật", 350},
    {"Giáo dục thể chất", 400},
}};

constexpr std::array<const char*, 21> kPhonePrefixes {{"032", "033", "034", "035", "036", "037", "038",
                                                       "039", "086", "096", "097", "098", "088", "091",
                                                       "094", "083", "090", "093", "089", "070", "077"}};

// ---------------------------------------------------------------------------------------------------------------
// Helpers

QString pickText(Rng& rng, std::span<const W> table)
{
    return QString::fromUtf8(rng.pick(table).text);
}

template <class T, std::size_t N> const T& pickUniform(Rng& rng, const std::array<T, N>& items)
{
    return items[static_cast<std::size_t>(rng.uniform(0, static_cast<int>(N) - 1))];
}

QString u8(const char* s)
{
    return QString::fromUtf8(s);
}

bool isSouth(int provinceCode)
{
    return provinceCode >= 48;
}

QString generalFamily(Rng& rng, int provinceCode)
{
    std::array<int, kFamilies.size()> weights {};
    const bool south = isSouth(provinceCode);
    for (std::size_t i = 0; i < kFamilies.size(); ++i)
        weights[i] = south ? kFamilies[i].south : kFamilies[i].north;
    return u8(kFamilies[rng.weightedIndex(weights)].text);
}

QString familyFor(Rng& rng, const Ethnicity& ethnicity, int provinceCode)
{
    // Many minority families carry Kinh surnames too, so the group's own names are only the likelier choice.
    if (ethnicity.families[0] && rng.chance(0.7))
        return u8(pickUniform(rng, ethnicity.families));
    return generalFamily(rng, provinceCode);
}

QString childName(Rng& rng, const QString& family, Gender gender)
{
    const bool male = gender == Gender::Male;
    const std::span<const W> middles = male ? std::span<const W>(kBoyMiddles) : std::span<const W>(kGirlMiddles);
    const QString given = pickText(rng, male ? kBoyGiven : kGirlGiven);
    QString first = pickText(rng, middles);
    while (first == given)
        first = pickText(rng, middles);
    QString name = family + u' ' + first;
    // Two middle names ("Nguyễn Thị Minh Anh") are common for girls, less so for boys.
    if (rng.chance(male ? 0.07 : 0.15)) {
        QString second = pickText(rng, middles);
        while (second == first || second == given || second == QStringView(u"Thị") || second == QStringView(u"Văn"))
            second = pickText(rng, middles);
        name += u' ' + second;
    }
    return name + u' ' + given;
}

QString adultName(Rng& rng, const QString& family, Gender gender)
{
    const bool male = gender == Gender::Male;
    const QString given = pickText(rng, male ? kManGiven : kWomanGiven);
    QString middle = pickText(rng, male ? kManMiddles : kWomanMiddles);
    while (middle == given)
        middle = pickText(rng, male ? kManMiddles : kWomanMiddles);
    return family + u' ' + middle + u' ' + given;
}

QDate randomDayIn(Rng& rng, int year)
{
    const QDate first(year, 1, 1);
    return first.addDays(rng.uniform(0, first.daysInYear() - 1));
}

QString digits(Rng& rng, int count)
{
    QString s;
    s.reserve(count);
    for (int i = 0; i < count; ++i)
        s += QChar(static_cast<char16_t>(u'0' + rng.uniform(0, 9)));
    return s;
}

/** "thành phố Hà Nội", "tỉnh Nam Định": the unit in lower case, as it is written after a comma. */
QString provinceInText(int code)
{
    QString full = personal_id::provinceFullName(code);
    if (!full.isEmpty())
        full[0] = full[0].toLower();
    return full;
}

QString commune(Rng& rng, bool urban)
{
    return (urban ? QStringLiteral("Phường ") : QStringLiteral("Xã ")) + u8(pickUniform(rng, kCommunes));
}

int otherProvince(Rng& rng, int exclude)
{
    static const QList<int> codes = personal_id::provinceCodes();
    int code = exclude;
    while (code == exclude)
        code = codes.at(rng.uniform(0, static_cast<int>(codes.size()) - 1));
    return code;
}

QString birthplaceIn(Rng& rng, int province)
{
    if (rng.chance(0.45)) {
        if (province == 1)
            return u8(pickUniform(rng, kHanoiHospitals));
        if (province == 79)
            return rng.chance(0.6) ? QStringLiteral("Bệnh viện Từ Dũ, thành phố Hồ Chí Minh")
                                   : QStringLiteral("Bệnh viện Hùng Vương, thành phố Hồ Chí Minh");
        const QString fullName = personal_id::provinceFullName(province);
        return fullName.startsWith(u"Thành phố")
            ? QStringLiteral("Bệnh viện Phụ sản ") + personal_id::provinceName(province)
            : QStringLiteral("Bệnh viện Đa khoa ") + provinceInText(province);
    }
    return commune(rng, rng.chance(0.4)) + QStringLiteral(", ") + provinceInText(province);
}

QString addressIn(Rng& rng, int province)
{
    if (rng.chance(0.65)) {
        QString street = QStringLiteral("Số %1").arg(rng.uniform(1, 250));
        if (rng.chance(0.5))
            street += QStringLiteral(" ngõ %1").arg(rng.uniform(2, 200));
        street
            += (rng.chance(0.5) ? QStringLiteral(" phố ") : QStringLiteral(" đường ")) + u8(pickUniform(rng, kStreets));
        return street + QStringLiteral(", phường ") + u8(pickUniform(rng, kCommunes)) + QStringLiteral(", ")
            + provinceInText(province);
    }
    return u8(pickUniform(rng, kHamlets)) + QStringLiteral(", xã ") + u8(pickUniform(rng, kCommunes))
        + QStringLiteral(", ") + provinceInText(province);
}

struct Registry
{
    QSet<QString>* personalIds = nullptr;
    QSet<QString>* moetCodes = nullptr;
    QHash<int, int>* nextRegistration = nullptr;
};

QString spoil(Rng& rng, const QString& pid, IdFlaw& flaw)
{
    QString out = pid;
    switch (flaw) {
    case IdFlaw::GenderDigit:
        out[3] = QChar(static_cast<char16_t>(u'0' + (out[3].digitValue() ^ 1)));
        return out;
    case IdFlaw::YearDigits: {
        // A sibling's or a neighbouring year: the most common slip when numbers are copied by hand.
        const int yy = QStringView(out).mid(4, 2).toInt();
        const int wrong = (yy + (rng.chance(0.5) ? 1 : 99)) % 100;
        out.replace(4, 2, QStringLiteral("%1").arg(wrong, 2, 10, QLatin1Char('0')));
        return out;
    }
    case IdFlaw::DigitDropped:
        out.remove(rng.uniform(6, 11), 1);
        return out;
    case IdFlaw::TransposedCode:
        for (int i : {1, 2, 0}) {
            QString t = out;
            std::swap(t[i], t[i + 1]);
            if (!personal_id::isKnownRegistrationCode(QStringView(t).left(3).toInt()))
                return t;
        }
        // No neighbouring swap leaves the code unknown here (e.g. Hà Nội boys: 0012… → 0102…, 0021…).
        flaw = IdFlaw::GenderDigit;
        return spoil(rng, pid, flaw);
    case IdFlaw::None:
    case IdFlaw::Missing:
        break;
    }
    return out;
}

GeneratedStudent generate(Rng& rng, int grade, SchoolYear year, const PeopleOptions& o, Registry reg)
{
    GeneratedStudent g;
    Student& s = g.student;

    s.gender = rng.chance(o.maleShare) ? Gender::Male : Gender::Female;
    const bool older = rng.chance(o.olderShare);
    const int birthYear = year.startYear - 5 - grade - (older ? 1 : 0);
    s.birthDate = randomDayIn(rng, birthYear);

    const Ethnicity& ethnicity = rng.pick(std::span<const Ethnicity>(kEthnicities));
    s.ethnicity = u8(ethnicity.name);
    s.nationality = QStringLiteral("Việt Nam");

    // Where the birth was registered decides the personal ID's first digits and, mostly, the birthplace.
    const bool abroad = rng.chance(o.abroadBirthShare);
    const Country* country = abroad ? &pickUniform(rng, kCountries) : nullptr;
    const int registration = abroad     ? country->code
        : rng.chance(o.localBirthShare) ? o.provinceCode
                                        : otherProvince(rng, o.provinceCode);

    // Family: the child takes the father's family name, or the mother's when no father is recorded.
    const bool noFather = rng.chance(0.015);
    const QString fatherFamily = familyFor(rng, ethnicity, o.provinceCode);
    const QString motherFamily = familyFor(rng, ethnicity, o.provinceCode);
    if (!noFather) {
        s.fatherName = adultName(rng, fatherFamily, Gender::Male);
        s.fatherOccupation = pickText(rng, kFatherJobs);
    }
    s.motherName = adultName(rng, motherFamily, Gender::Female);
    s.motherOccupation = pickText(rng, kMotherJobs);
    const QString family = noFather ? motherFamily : fatherFamily;
    s.fullName = childName(rng, family, s.gender);
    if (rng.chance(0.03)) {
        const bool grandfather = rng.chance(0.4);
        s.guardianName = adultName(rng, grandfather ? family : generalFamily(rng, o.provinceCode),
                                   grandfather ? Gender::Male : Gender::Female);
        s.guardianOccupation = rng.chance(0.6) ? QStringLiteral("Hưu trí") : QStringLiteral("Nông dân");
    }

    s.birthplace = abroad ? u8(country->name) : birthplaceIn(rng, registration);
    const int homeProvince = rng.chance(0.6) && !abroad ? registration : otherProvince(rng, -1);
    s.hometown = commune(rng, rng.chance(0.15)) + QStringLiteral(", ") + provinceInText(homeProvince);
    s.address = addressIn(rng, o.provinceCode);

    // Personal ID.
    const double flawRoll = rng.unit();
    if (flawRoll < o.missingIdShare)
        g.idFlaw = IdFlaw::Missing;
    else if (flawRoll < o.missingIdShare + o.wrongIdShare)
        g.idFlaw = static_cast<IdFlaw>(
            rng.uniform(static_cast<int>(IdFlaw::GenderDigit), static_cast<int>(IdFlaw::TransposedCode)));
    if (g.idFlaw != IdFlaw::Missing) {
        const QString prefix = QStringLiteral("%1%2%3")
                                   .arg(registration, 3, 10, QLatin1Char('0'))
                                   .arg(personal_id::centuryGenderDigit(birthYear, s.gender))
                                   .arg(birthYear % 100, 2, 10, QLatin1Char('0'));
        QString pid = prefix + digits(rng, 6);
        while (reg.personalIds && reg.personalIds->contains(pid))
            pid = prefix + digits(rng, 6);
        if (reg.personalIds)
            reg.personalIds->insert(pid);
        s.personalId = g.idFlaw == IdFlaw::None ? pid : spoil(rng, pid, g.idFlaw);
    }

    // MOET code: the first two digits are the province of first enrolment (DOMAIN.md §4.4).
    const QString moetPrefix = QStringLiteral("%1").arg(o.provinceCode % 100, 2, 10, QLatin1Char('0'));
    s.moetCode = moetPrefix + digits(rng, 8);
    while (reg.moetCodes && reg.moetCodes->contains(s.moetCode))
        s.moetCode = moetPrefix + digits(rng, 8);
    if (reg.moetCodes)
        reg.moetCodes->insert(s.moetCode);

    // Enrolment at this school: grade 1 for primary, grade 6 for THCS; half of the older pupils repeated a year.
    const int entryGrade = grade <= 5 ? 1 : 6;
    const bool repeated = older && rng.chance(0.5);
    const int entryYear = year.startYear - (grade - entryGrade) - (repeated ? 1 : 0);
    s.enrolmentDate = QDate(entryYear, 9, rng.uniform(1, 5));
    if (grade > entryGrade && rng.chance(0.02)) {
        const int transferYear = rng.uniform(entryYear + 1, year.startYear);
        s.transferDate = QDate(transferYear, 8, 15).addDays(rng.uniform(0, 150));
        s.transferFrom = (grade <= 5 ? QStringLiteral("Trường Tiểu học ") : QStringLiteral("Trường THCS "))
            + u8(pickUniform(rng, kCommunes)) + QStringLiteral(", ") + provinceInText(otherProvince(rng, -1));
        s.enrolmentDate = s.transferDate;
    }
    const int enrolledIn = s.enrolmentDate.year();
    int number = rng.uniform(1, 400);
    if (reg.nextRegistration) {
        int& next = (*reg.nextRegistration)[enrolledIn];
        number = ++next;
    }
    s.registrationNumber = QStringLiteral("%1/%2").arg(number).arg(enrolledIn);

    if (grade >= 6) {
        const double r = rng.unit();
        if (r < 0.03)
            s.policyGroup = QStringLiteral("Con hộ nghèo");
        else if (r < 0.06)
            s.policyGroup = QStringLiteral("Con hộ cận nghèo");
    }

    // The tables are NFC already; this guards against a future table edit in another form.
    for (QString* field : {&s.fullName, &s.birthplace, &s.hometown, &s.address, &s.fatherName, &s.motherName,
                           &s.guardianName, &s.transferFrom})
        *field = text::normalized(*field);
    return g;
}

} // namespace

// ---------------------------------------------------------------------------------------------------------------
// Public API

Student makeStudent(Rng& rng, int grade, SchoolYear year, const PeopleOptions& options)
{
    return generate(rng, grade, year, options, {}).student;
}

Teacher makeTeacher(Rng& rng, SchoolLevel level, const PeopleOptions& options)
{
    Teacher t;
    const bool primary = level == SchoolLevel::Primary;
    t.gender = rng.chance(primary ? options.primaryFemaleTeachers : options.thcsFemaleTeachers) ? Gender::Female
                                                                                                : Gender::Male;
    t.fullName = text::normalized(adultName(rng, generalFamily(rng, options.provinceCode), t.gender));
    t.birthDate = randomDayIn(rng, rng.uniform(1965, 1998));
    t.phone = u8(pickUniform(rng, kPhonePrefixes)) + digits(rng, 7);
    t.subjects = primary ? pickText(rng, kPrimarySubjects) : pickText(rng, kThcsSubjects);
    return t;
}

PeopleGenerator::PeopleGenerator(std::uint64_t seed, PeopleOptions options)
    : rng_(seed)
    , options_(options)
{ }

GeneratedStudent PeopleGenerator::student(int grade, SchoolYear year)
{
    return generate(rng_, grade, year, options_, Registry {&personalIds_, &moetCodes_, &nextRegistration_});
}

Teacher PeopleGenerator::teacher(SchoolLevel level)
{
    return makeTeacher(rng_, level, options_);
}

} // namespace hocba::demo
