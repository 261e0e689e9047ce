<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en">
<context>
    <name>CorrectionDialogs</name>
    <message>
        <source>Write the reason: it is kept with the record.</source>
        <translation>Hãy ghi lý do: lý do được lưu cùng học bạ.</translation>
    </message>
    <message>
        <source>The reason is too long (at most %1 characters).</source>
        <translation>Lý do quá dài (tối đa %1 ký tự).</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Any</source>
        <translation>Bất kì</translation>
    </message>
</context>
<context>
    <name>QrImageReader</name>
    <message>
        <source>The picture is empty.</source>
        <translation>Ảnh trống.</translation>
    </message>
    <message>
        <source>No QR code could be read in this picture. Take the photo again, closer and sharper, with the whole QR code in it, or type the code printed under it.</source>
        <translation>Không đọc được mã QR trong ảnh này. Hãy chụp lại gần hơn, rõ hơn, lấy trọn mã QR, hoặc gõ mã in dưới mã QR.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read as a picture. Choose a PNG or JPEG photo or scan.</source>
        <translation>Không mở được tệp %1 như một ảnh. Hãy chọn ảnh chụp hoặc ảnh quét dạng PNG hoặc JPEG.</translation>
    </message>
</context>
<context>
    <name>RecordLifecycle</name>
    <message>
        <source>The package holds no signed version.</source>
        <translation>Gói hồ sơ không có bản nào đã ký.</translation>
    </message>
    <message>
        <source>School year %1–%2, version %3</source>
        <translation>Năm học %1–%2, bản %3</translation>
    </message>
    <message>
        <source>%1: did not pass the checks.</source>
        <translation>%1: không đạt khi kiểm tra.</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <source>Confirmed, not signed</source>
        <translation>Đã xác nhận, chưa ký</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Đã ký</translation>
    </message>
    <message>
        <source>Submitted to the Department</source>
        <translation>Đã gửi lên Sở</translation>
    </message>
    <message>
        <source>Locked by the Department</source>
        <translation>Sở đã khoá</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Đã thu hồi</translation>
    </message>
    <message>
        <source>Replaced by a newer version</source>
        <translation>Đã được thay bằng bản mới hơn</translation>
    </message>
    <message>
        <source>This record was transferred to %1 (%2) on %3 (&quot;chuyển đi&quot;): it is kept here read-only and nothing in it can change.</source>
        <translation>Học bạ này đã chuyển đi trường %1 (%2) ngày %3: trường chỉ lưu lại để xem, không sửa được gì.</translation>
    </message>
    <message>
        <source>The Department has locked this school year on %1: nothing can change any more, neither a correction nor a revocation.</source>
        <translation>Sở đã khoá năm học này ngày %1: không thể thay đổi gì nữa, kể cả sửa hay thu hồi.</translation>
    </message>
    <message>
        <source>This school year was revoked on %1: %2</source>
        <translation>Năm học này đã bị thu hồi ngày %1: %2</translation>
    </message>
    <message>
        <source>This school year has no version yet.</source>
        <translation>Năm học này chưa có bản nào.</translation>
    </message>
    <message>
        <source>Version %1 is already open for correction: finish, confirm and sign it.</source>
        <translation>Bản %1 đang được mở để sửa: hãy sửa xong, xác nhận và ký bản đó.</translation>
    </message>
    <message>
        <source>This school year is not signed yet: correct it directly, no reopening is needed.</source>
        <translation>Năm học này chưa ký: cứ sửa trực tiếp, không cần mở lại.</translation>
    </message>
    <message>
        <source>Only a signed or submitted version can be revoked; the newest version (version %1) is &quot;%2&quot;.</source>
        <translation>Chỉ thu hồi được bản đã ký hoặc đã gửi lên Sở; bản mới nhất (bản %1) đang ở trạng thái &quot;%2&quot;.</translation>
    </message>
</context>
<context>
    <name>RequestVerifierText</name>
    <message>
        <source>no role</source>
        <translation>không có vai trò</translation>
    </message>
</context>
<context>
    <name>Signing</name>
    <message>
        <source>Principal</source>
        <translation>Hiệu trưởng</translation>
    </message>
    <message>
        <source>Homeroom teacher</source>
        <translation>Giáo viên chủ nhiệm</translation>
    </message>
    <message>
        <source>School seal</source>
        <translation>Con dấu nhà trường</translation>
    </message>
    <message>
        <source>The document has no digital signature.</source>
        <translation>Tài liệu không có chữ ký số.</translation>
    </message>
    <message>
        <source>Signature %1: %2</source>
        <translation>Chữ ký số %1: %2</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>hợp lệ</translation>
    </message>
    <message>
        <source>NOT valid</source>
        <translation>KHÔNG hợp lệ</translation>
    </message>
    <message>
        <source>  Signer: %1</source>
        <translation>  Người ký: %1</translation>
    </message>
    <message>
        <source>  Role: %1</source>
        <translation>  Vai trò: %1</translation>
    </message>
    <message>
        <source>  Signing time: %1</source>
        <translation>  Thời điểm ký: %1</translation>
    </message>
    <message>
        <source>  Certificate: %1, serial %2, valid %3 to %4</source>
        <translation>  Chứng thư số: %1, số hiệu %2, hiệu lực từ %3 đến %4</translation>
    </message>
    <message>
        <source>The key does not match the certificate.</source>
        <translation>Khóa không khớp với chứng thư số.</translation>
    </message>
    <message>
        <source>Only RSA and EC keys can sign.</source>
        <translation>Chỉ khóa RSA và EC mới ký được.</translation>
    </message>
    <message>
        <source>Signing failed.</source>
        <translation>Ký số không thành công.</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate cannot be read.</source>
        <translation>Không đọc được chứng thư số của người ký.</translation>
    </message>
    <message>
        <source>The signature could not be built.</source>
        <translation>Không tạo được chữ ký số.</translation>
    </message>
    <message>
        <source>Encrypted PDF files cannot be signed.</source>
        <translation>Không thể ký tệp PDF đã mã hóa.</translation>
    </message>
    <message>
        <source>The PDF file has no pages.</source>
        <translation>Tệp PDF không có trang nào.</translation>
    </message>
    <message>
        <source>The PDF file is damaged.</source>
        <translation>Tệp PDF bị hỏng.</translation>
    </message>
    <message>
        <source>The PDF file is too large to sign.</source>
        <translation>Tệp PDF quá lớn để ký.</translation>
    </message>
    <message>
        <source>The packet must be embedded before the PDF is signed: the PDF already has a signature.</source>
        <translation>Phải đính kèm gói dữ liệu trước khi ký PDF: tệp PDF đã có chữ ký số.</translation>
    </message>
    <message>
        <source>The signature&apos;s byte range is malformed.</source>
        <translation>Vùng dữ liệu được ký của chữ ký số không đúng định dạng.</translation>
    </message>
    <message>
        <source>The signature data cannot be read.</source>
        <translation>Không đọc được dữ liệu chữ ký số.</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate is missing from the signature.</source>
        <translation>Chữ ký số thiếu chứng thư số của người ký.</translation>
    </message>
    <message>
        <source>The signature does not name its signing certificate (signing-certificate-v2).</source>
        <translation>Chữ ký số không ghi rõ chứng thư số dùng để ký (signing-certificate-v2).</translation>
    </message>
    <message>
        <source>The signature is not valid: the document has been changed after signing.</source>
        <translation>Chữ ký số không hợp lệ: tài liệu đã bị thay đổi sau khi ký.</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate is not issued by a trusted certificate authority.</source>
        <translation>Chứng thư số của người ký không do tổ chức chứng thực tin cậy cấp.</translation>
    </message>
    <message>
        <source>The signing time lies outside the certificate&apos;s validity period.</source>
        <translation>Thời điểm ký nằm ngoài thời hạn hiệu lực của chứng thư số.</translation>
    </message>
    <message>
        <source>The document has been changed after signing.</source>
        <translation>Tài liệu đã bị thay đổi sau khi ký.</translation>
    </message>
    <message>
        <source>The packet has no data element or no signature container.</source>
        <translation>Gói dữ liệu thiếu phần dữ liệu hoặc phần chứa chữ ký.</translation>
    </message>
    <message>
        <source>The signature container lies inside the signed data.</source>
        <translation>Phần chứa chữ ký nằm bên trong dữ liệu được ký.</translation>
    </message>
    <message>
        <source>The packet could not be prepared for signing.</source>
        <translation>Không chuẩn bị được gói dữ liệu để ký.</translation>
    </message>
    <message>
        <source>The token returned an unusable signature.</source>
        <translation>Thiết bị ký số trả về chữ ký không dùng được.</translation>
    </message>
    <message>
        <source>The PDF file already carries embedded files.</source>
        <translation>Tệp PDF đã có tệp đính kèm.</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate is not meant for signing documents: it lacks the non-repudiation key usage.</source>
        <translation>Chứng thư số của người ký không dùng để ký văn bản: thiếu mục đích sử dụng &quot;chống chối bỏ&quot; (non-repudiation).</translation>
    </message>
    <message>
        <source>The record packet inside the PDF is too large (over %1 MiB); a real packet is far smaller. The file is refused.</source>
        <translation>Gói dữ liệu học bạ trong tệp PDF quá lớn (trên %1 MiB), trong khi một gói thật nhỏ hơn nhiều. Tệp bị từ chối.</translation>
    </message>
    <message>
        <source>The record packet inside the PDF cannot be read.</source>
        <translation>Không đọc được gói dữ liệu học bạ trong tệp PDF.</translation>
    </message>
    <message>
        <source>B (time claimed by the signer&apos;s computer)</source>
        <translation>B (thời điểm do máy tính của người ký tự ghi)</translation>
    </message>
    <message>
        <source>B-T (trusted timestamp)</source>
        <translation>B-T (có dấu thời gian tin cậy)</translation>
    </message>
    <message>
        <source>B-LT (timestamp and revocation data)</source>
        <translation>B-LT (có dấu thời gian và dữ liệu thu hồi chứng thư)</translation>
    </message>
    <message>
        <source>B-LTA (archive timestamp)</source>
        <translation>B-LTA (có dấu thời gian lưu trữ)</translation>
    </message>
    <message>
        <source>The revocation data cannot be added: the packet&apos;s last signature is not a XAdES signature.</source>
        <translation>Không thêm được dữ liệu thu hồi chứng thư: chữ ký cuối cùng của gói dữ liệu không phải là chữ ký XAdES.</translation>
    </message>
    <message>
        <source>The packet&apos;s last signature already carries revocation data.</source>
        <translation>Chữ ký cuối cùng của gói dữ liệu đã có dữ liệu thu hồi chứng thư.</translation>
    </message>
    <message>
        <source>The signature carries a time-stamp that is not valid: %1 The signing time cannot be trusted.</source>
        <translation>Chữ ký có dấu thời gian không hợp lệ: %1 Không thể tin cậy thời điểm ký.</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate was not valid at the time proven by the time-stamp (%1): it is valid from %2 to %3.</source>
        <translation>Chứng thư số của người ký không còn hiệu lực vào thời điểm được dấu thời gian xác nhận (%1): chứng thư có hiệu lực từ %2 đến %3.</translation>
    </message>
    <message>
        <source>The signer&apos;s certificate was revoked on %1, before the record was signed (%2): the signature is not valid.</source>
        <translation>Chứng thư số của người ký đã bị thu hồi ngày %1, trước khi học bạ được ký (%2): chữ ký không hợp lệ.</translation>
    </message>
    <message>
        <source>The certificate of the authority &quot;%1&quot; that issued the signer&apos;s certificate was revoked on %2, before the record was signed (%3): the signature is not valid.</source>
        <translation>Chứng thư của tổ chức &quot;%1&quot; cấp chứng thư số cho người ký đã bị thu hồi ngày %2, trước khi học bạ được ký (%3): chữ ký không hợp lệ.</translation>
    </message>
    <message>
        <source>revoked (see below)</source>
        <translation>đã bị thu hồi (xem bên dưới)</translation>
    </message>
    <message>
        <source>not revoked at %1 (checked with the data embedded in the file)</source>
        <translation>chưa bị thu hồi vào %1 (kiểm tra bằng dữ liệu kèm trong tệp)</translation>
    </message>
    <message>
        <source>could not be checked: %1</source>
        <translation>không kiểm tra được: %1</translation>
    </message>
    <message>
        <source>  Trusted time: %1 (time-stamp by %2)</source>
        <translation>  Thời điểm tin cậy: %1 (dấu thời gian của %2)</translation>
    </message>
    <message>
        <source>  The certificate is judged at the trusted time, not at the time claimed by the signer&apos;s computer.</source>
        <translation>  Chứng thư số được xét tại thời điểm tin cậy, không phải thời điểm do máy tính của người ký tự ghi.</translation>
    </message>
    <message>
        <source>  No trusted time-stamp: the signing time is only what the signer&apos;s computer claimed.</source>
        <translation>  Không có dấu thời gian tin cậy: thời điểm ký chỉ là giờ do máy tính của người ký tự ghi.</translation>
    </message>
    <message>
        <source>  Level: %1</source>
        <translation>  Mức chữ ký: %1</translation>
    </message>
    <message>
        <source>  Revocation: %1</source>
        <translation>  Tình trạng thu hồi: %1</translation>
    </message>
    <message>
        <source>The certificate of the time-stamping authority &quot;%1&quot; was revoked on %2, before it issued the signature&apos;s time-stamp (%3): the signing time cannot be trusted.</source>
        <translation>Chứng thư của máy chủ cấp dấu thời gian "%1" đã bị thu hồi ngày %2, trước khi máy chủ cấp dấu thời gian cho chữ ký (%3): không thể tin cậy thời điểm ký.</translation>
    </message>
    <message>
        <source>time-stamping authority: %1</source>
        <translation>máy chủ cấp dấu thời gian: %1</translation>
    </message>
    <message>
        <source>The archive time-stamp&apos;s byte range is malformed.</source>
        <translation>Phạm vi byte của dấu thời gian lưu trữ bị sai định dạng.</translation>
    </message>
    <message>
        <source>The archive time-stamp cannot be read.</source>
        <translation>Không đọc được dấu thời gian lưu trữ.</translation>
    </message>
    <message>
        <source>The archive time-stamp is not valid: %1</source>
        <translation>Dấu thời gian lưu trữ không hợp lệ: %1</translation>
    </message>
    <message>
        <source>The document has been changed after its archive time-stamp.</source>
        <translation>Tài liệu đã bị thay đổi sau dấu thời gian lưu trữ.</translation>
    </message>
    <message>
        <source>  An archive time-stamp covers it, but the signature lacks the trusted time-stamp or revocation data that level B-LTA needs.</source>
        <translation>  Có dấu thời gian lưu trữ phủ lên chữ ký, nhưng chữ ký thiếu dấu thời gian tin cậy hoặc dữ liệu thu hồi chứng thư mà mức B-LTA cần.</translation>
    </message>
    <message>
        <source>Archive time-stamp %1: %2</source>
        <translation>Dấu thời gian lưu trữ %1: %2</translation>
    </message>
    <message>
        <source>  Archive time: %1 (time-stamp by %2)</source>
        <translation>  Thời điểm lưu trữ: %1 (dấu thời gian của %2)</translation>
    </message>
    <message>
        <source>  The time-stamping certificate is valid until %1: a new archive time-stamp is needed before then.</source>
        <translation>  Chứng thư cấp dấu thời gian còn hiệu lực đến %1: cần thêm dấu thời gian lưu trữ mới trước ngày đó.</translation>
    </message>
</context>
<context>
    <name>Timestamp</name>
    <message>
        <source>The time-stamping server %1 did not answer within %2 seconds.</source>
        <translation>Máy chủ cấp dấu thời gian %1 không trả lời trong %2 giây.</translation>
    </message>
    <message>
        <source>The time-stamping server %1 cannot be reached.</source>
        <translation>Không kết nối được tới máy chủ cấp dấu thời gian %1.</translation>
    </message>
    <message>
        <source>The time-stamping server %1 answered with an error (HTTP %2).</source>
        <translation>Máy chủ cấp dấu thời gian %1 trả lời có lỗi (HTTP %2).</translation>
    </message>
    <message>
        <source>No time-stamping server is set.</source>
        <translation>Chưa đặt máy chủ cấp dấu thời gian.</translation>
    </message>
    <message numerus="yes">
        <source>Tried %n time(s). Check the school&apos;s Internet connection; if it works, ask the school&apos;s IT contact to check the time-stamping server address in the signing settings.</source>
        <translation>
            <numerusform>Đã thử %n lần. Hãy kiểm tra kết nối Internet của trường; nếu Internet vẫn dùng được, nhờ cán bộ phụ trách tin học của trường kiểm tra địa chỉ máy chủ cấp dấu thời gian trong phần cài đặt ký số.</numerusform>
        </translation>
    </message>
    <message>
        <source>The signature&apos;s time-stamp cannot be read.</source>
        <translation>Không đọc được dấu thời gian của chữ ký.</translation>
    </message>
    <message>
        <source>The time-stamp request could not be built.</source>
        <translation>Không tạo được yêu cầu cấp dấu thời gian.</translation>
    </message>
    <message>
        <source>The time-stamping server sent an answer that cannot be used.</source>
        <translation>Máy chủ cấp dấu thời gian gửi về câu trả lời không dùng được.</translation>
    </message>
    <message>
        <source>The time-stamping server refused to give a time-stamp.</source>
        <translation>Máy chủ cấp dấu thời gian từ chối cấp dấu thời gian.</translation>
    </message>
    <message>
        <source>The signature&apos;s time-stamp was made for another signature.</source>
        <translation>Dấu thời gian của chữ ký này được cấp cho một chữ ký khác.</translation>
    </message>
    <message>
        <source>The signature&apos;s time-stamp does not carry the certificate of the time-stamping authority that issued it.</source>
        <translation>Dấu thời gian của chữ ký không kèm chứng thư của tổ chức cấp dấu thời gian đã cấp nó.</translation>
    </message>
    <message>
        <source>The certificate that issued the signature&apos;s time-stamp is not a time-stamping certificate.</source>
        <translation>Chứng thư đã cấp dấu thời gian của chữ ký không phải là chứng thư cấp dấu thời gian.</translation>
    </message>
    <message>
        <source>The signature&apos;s time-stamp could not be checked.</source>
        <translation>Không kiểm tra được dấu thời gian của chữ ký.</translation>
    </message>
    <message>
        <source>The signature&apos;s time-stamp was issued by a time-stamping authority that is not trusted.</source>
        <translation>Dấu thời gian của chữ ký do một tổ chức cấp dấu thời gian không được tin cậy cấp.</translation>
    </message>
    <message>
        <source>The signature&apos;s time-stamp is not genuine: its signature does not match the time-stamping authority&apos;s certificate.</source>
        <translation>Dấu thời gian của chữ ký là giả: chữ ký trên đó không khớp với chứng thư của tổ chức cấp dấu thời gian.</translation>
    </message>
</context>
<context>
    <name>hocba::Types</name>
    <message>
        <source>Primary</source>
        <translation>Tiểu học</translation>
    </message>
    <message>
        <source>Lower secondary</source>
        <translation>Trung học cơ sở</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>Chưa có thông tin</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Bản nháp</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Đã ký</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Đã gửi Sở</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Đã khoá</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Đã thu hồi</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Đã được thay thế</translation>
    </message>
    <message>
        <source>School IT administrator</source>
        <translation>Quản trị hệ thống của trường</translation>
    </message>
    <message>
        <source>Principal</source>
        <translation>Hiệu trưởng</translation>
    </message>
    <message>
        <source>Homeroom teacher</source>
        <translation>Giáo viên chủ nhiệm</translation>
    </message>
    <message>
        <source>Subject teacher</source>
        <translation>Giáo viên bộ môn</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>Văn thư / giáo vụ</translation>
    </message>
</context>
<context>
    <name>hocba::cli::ApproveCommand</name>
    <message>
        <source>The board approves a class&apos;s confirmed records (the principal); those with errors and those not confirmed yet are listed (exit 1 when some are left). --require-approval yes|no: whether the school signs approved records only (the administrator).</source>
        <translation>Ban giám hiệu phê duyệt các học bạ đã xác nhận của một lớp (do hiệu trưởng thực hiện); các học bạ có lỗi và các học bạ chưa được xác nhận được liệt kê ra (mã thoát 1 khi còn học bạ chưa được phê duyệt). --require-approval yes|no: nhà trường có chỉ ký các học bạ đã được phê duyệt hay không (do quản trị viên thiết lập).</translation>
    </message>
    <message>
        <source>yes: records are signed only once approved; no: as before.</source>
        <translation>yes: học bạ chỉ được ký sau khi đã được phê duyệt; no: như trước đây.</translation>
    </message>
    <message>
        <source>--require-approval takes yes or no.</source>
        <translation>--require-approval chỉ nhận yes hoặc no.</translation>
    </message>
    <message>
        <source>From now on only approved records are signed.</source>
        <translation>Từ nay chỉ những học bạ đã được phê duyệt mới được ký.</translation>
    </message>
    <message>
        <source>Records are signed without the board&apos;s approval.</source>
        <translation>Học bạ được ký mà không cần Ban giám hiệu phê duyệt.</translation>
    </message>
    <message>
        <source>Class %1, school year %2: %3 approved, %4 approved earlier, %5 not confirmed yet, %6 with errors, %7 signed already.</source>
        <translation>Lớp %1, năm học %2: đã phê duyệt %3, %4 đã được phê duyệt trước đó, %5 chưa được xác nhận, %6 có lỗi, %7 đã ký.</translation>
    </message>
</context>
<context>
    <name>hocba::cli::AssignCommand</name>
    <message>
        <source>Assign a teacher account to a class for a school year: homeroom teacher, or with --subject the teacher of that subject (&quot;assign&quot;, &quot;assign remove&quot;, &quot;assign list&quot;).</source>
        <translation>Phân công tài khoản giáo viên cho một lớp trong năm học: giáo viên chủ nhiệm, hoặc với --subject là giáo viên bộ môn đó (&quot;assign&quot;, &quot;assign remove&quot;, &quot;assign list&quot;).</translation>
    </message>
    <message>
        <source>The login of the teacher account assigned.</source>
        <translation>Tên đăng nhập của tài khoản giáo viên được phân công.</translation>
    </message>
    <message>
        <source>LOGIN</source>
        <translation>TÊN_ĐĂNG_NHẬP</translation>
    </message>
    <message>
        <source>The class, e.g. 6A1.</source>
        <translation>Tên lớp, ví dụ 6A1.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>TÊN</translation>
    </message>
    <message>
        <source>A subject code of docs/evaluate.md (e.g. toan); without it, the homeroom teacher.</source>
        <translation>Mã môn học theo docs/evaluate.md (ví dụ toan); không có thì là giáo viên chủ nhiệm.</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>MÃ</translation>
    </message>
    <message>
        <source>Say &quot;assign&quot;, &quot;assign remove&quot; or &quot;assign list&quot;.</source>
        <translation>Hãy dùng &quot;assign&quot;, &quot;assign remove&quot; hoặc &quot;assign list&quot;.</translation>
    </message>
    <message>
        <source>--teacher LOGIN and --class NAME are required.</source>
        <translation>Cần có --teacher TÊN_ĐĂNG_NHẬP và --class TÊN.</translation>
    </message>
    <message>
        <source>homeroom teacher of %1</source>
        <translation>giáo viên chủ nhiệm lớp %1</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 ở lớp %2</translation>
    </message>
    <message>
        <source>%1 is no longer %2 in %3.</source>
        <translation>%1 không còn là %2 trong năm học %3.</translation>
    </message>
    <message>
        <source>%1 is now %2 in %3.</source>
        <translation>%1 nay là %2 trong năm học %3.</translation>
    </message>
    <message>
        <source>homeroom</source>
        <translation>chủ nhiệm</translation>
    </message>
    <message>
        <source>No assignments in %1 yet.</source>
        <translation>Năm học %1 chưa có phân công nào.</translation>
    </message>
</context>
<context>
    <name>hocba::cli::AuditCommand</name>
    <message>
        <source>Use: hocba-cli audit verify --db FILE</source>
        <translation>Cách dùng: hocba-cli audit verify --db TỆP</translation>
    </message>
    <message>
        <source>Audit log intact: %1 entries, chain unbroken.</source>
        <translation>Nhật ký thay đổi nguyên vẹn: %1 mục, chuỗi không bị đứt.</translation>
    </message>
    <message>
        <source>Audit log BROKEN at entry %1: %2</source>
        <translation>Nhật ký thay đổi BỊ ĐỨT tại mục %1: %2</translation>
    </message>
    <message>
        <source>Signed section %1 does NOT match its signed documents: %2</source>
        <translation>Học bạ %1 KHÔNG khớp với hồ sơ đã ký: %2</translation>
    </message>
    <message>
        <source>Signed sections: %1 checked, each matches its signed packet and PDF.</source>
        <translation>Các năm học đã ký: đã kiểm tra %1, tất cả đều khớp với gói dữ liệu và tệp PDF đã ký.</translation>
    </message>
    <message>
        <source>Audit checkpoints: none yet (each signing batch makes one).</source>
        <translation>Điểm chốt nhật ký: chưa có (mỗi đợt ký sẽ lập một điểm chốt).</translation>
    </message>
    <message>
        <source>Audit checkpoints: %1 stored, %2 valid.</source>
        <translation>Điểm chốt nhật ký: có %1, hợp lệ %2.</translation>
    </message>
    <message>
        <source>Entries 1 to %1 are vouched for by a signed checkpoint; later entries only by the chain.</source>
        <translation>Các mục từ 1 đến %1 đã được một điểm chốt có chữ ký xác nhận; các mục sau đó chỉ được bảo vệ bằng chuỗi mã băm.</translation>
    </message>
    <message>
        <source>Audit checkpoint problem: %1</source>
        <translation>Lỗi điểm chốt nhật ký: %1</translation>
    </message>
    <message>
        <source>Check the school file: &quot;audit verify --db FILE&quot; walks the audit log&apos;s hash chain and names the first entry that was changed, removed or moved; checks the chain against the checkpoints signed when records were signed; then checks every signed section (signed, submitted, locked) against its stored signed packet and PDF: their signatures and digests, that they belong to that section and student, and that the marks in the file still make the signed packet. It prints one line per problem and exits with 1 when the chain, a checkpoint or any section is bad.</source>
        <translation>Kiểm tra tệp dữ liệu của trường: &quot;audit verify --db TỆP&quot; kiểm tra chuỗi mã băm của nhật ký thay đổi và chỉ ra mục đầu tiên bị sửa, bị xoá hoặc bị đổi chỗ; đối chiếu chuỗi với các điểm chốt được ký cùng lúc ký hồ sơ; sau đó đối chiếu từng năm học đã ký (đã ký, đã nộp, đã khoá) với gói dữ liệu và tệp PDF đã ký được lưu: chữ ký và mã băm, việc chúng thuộc đúng năm học và học sinh đó, và điểm trong tệp dữ liệu vẫn cho ra đúng gói dữ liệu đã ký. Mỗi vấn đề được in trên một dòng; mã thoát là 1 khi chuỗi nhật ký, một điểm chốt hoặc một năm học nào đó có vấn đề.</translation>
    </message>
</context>
<context>
    <name>hocba::cli::BackupCommand</name>
    <message>
        <source>Copy the school&apos;s data file to a backup file; safe while the program is open.</source>
        <translation>Sao lưu tệp dữ liệu của trường sang một tệp khác; làm được cả khi chương trình đang mở.</translation>
    </message>
    <message>
        <source>The backup file to write.</source>
        <translation>Tệp sao lưu cần ghi.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>The --out FILE option is required.</source>
        <translation>Cần có tuỳ chọn --out TỆP.</translation>
    </message>
    <message>
        <source>Backup written to %1.</source>
        <translation>Đã sao lưu vào %1.</translation>
    </message>
</context>
<context>
    <name>hocba::cli::ClassCommand</name>
    <message>
        <source>Add a class to a school year: &quot;class add --name 6A1&quot; (its grade is the number it starts with).</source>
        <translation>Thêm một lớp vào năm học: &quot;class add --name 6A1&quot; (khối của lớp là con số đứng đầu tên lớp).</translation>
    </message>
    <message>
        <source>The class, e.g. 6A1.</source>
        <translation>Tên lớp, ví dụ 6A1.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>TÊN</translation>
    </message>
    <message>
        <source>Say &quot;class add --name 6A1&quot;.</source>
        <translation>Hãy dùng &quot;class add --name 6A1&quot;.</translation>
    </message>
    <message>
        <source>Class %1 added to %2.</source>
        <translation>Đã thêm lớp %1 vào năm học %2.</translation>
    </message>
    <message>
        <source>The login of the class&apos;s homeroom teacher (a teacher account).</source>
        <translation>Tên đăng nhập của giáo viên chủ nhiệm lớp (một tài khoản giáo viên).</translation>
    </message>
    <message>
        <source>LOGIN</source>
        <translation>TÊN_ĐĂNG_NHẬP</translation>
    </message>
</context>
<context>
    <name>hocba::cli::Command</name>
    <message>
        <source>Exit codes: 0 success; 1 invalid data or some items failed; 2 wrong usage; 3 token or PIN; 4 database; 5 network.</source>
        <translation>Mã thoát: 0 thành công; 1 dữ liệu không hợp lệ hoặc có mục bị lỗi; 2 dùng sai lệnh; 3 USB token hoặc mã PIN; 4 cơ sở dữ liệu; 5 mạng.</translation>
    </message>
    <message>
        <source>The school&apos;s data file (SQLite).</source>
        <translation>Tệp dữ liệu của trường (SQLite).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>The --db FILE option is required.</source>
        <translation>Cần có tuỳ chọn --db TỆP.</translation>
    </message>
    <message>
        <source>The school year, e.g. 2025-2026 (default: the latest in the file).</source>
        <translation>Năm học, ví dụ 2025-2026 (mặc định: năm mới nhất trong tệp).</translation>
    </message>
    <message>
        <source>YEAR</source>
        <translation>NĂM</translation>
    </message>
    <message>
        <source>--year must look like 2025-2026.</source>
        <translation>--year phải có dạng 2025-2026.</translation>
    </message>
    <message>
        <source>The data file has no school years yet.</source>
        <translation>Tệp dữ liệu chưa có năm học nào.</translation>
    </message>
    <message>
        <source>Only this class of the chosen year, e.g. 6A1.</source>
        <translation>Chỉ lớp này của năm học đã chọn, ví dụ 6A1.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>TÊN</translation>
    </message>
    <message>
        <source>Every class of the chosen year (the default).</source>
        <translation>Mọi lớp của năm học đã chọn (mặc định).</translation>
    </message>
    <message>
        <source>Give either --class or --all, not both.</source>
        <translation>Chỉ dùng --class hoặc --all, không dùng cả hai.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>SỐ</translation>
    </message>
    <message>
        <source>--jobs must be a whole number from 1 to 64.</source>
        <translation>--jobs phải là số nguyên từ 1 đến 64.</translation>
    </message>
    <message>
        <source>Who makes the change (default: the system user).</source>
        <translation>Người thực hiện thay đổi (mặc định: người dùng hệ thống).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>THƯ_MỤC</translation>
    </message>
    <message>
        <source>Give the folder to write into with --out DIR.</source>
        <translation>Hãy chỉ rõ thư mục cần ghi bằng --out THƯ_MỤC.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Không tạo được thư mục %1.</translation>
    </message>
    <message>
        <source>Your account&apos;s login: a school file with accounts needs it for every change.</source>
        <translation>Tên đăng nhập của bạn: tệp dữ liệu có tài khoản cần nó cho mọi thay đổi.</translation>
    </message>
    <message>
        <source>LOGIN</source>
        <translation>TÊN_ĐĂNG_NHẬP</translation>
    </message>
    <message>
        <source>Read your account&apos;s password from FILE (mode 600). Otherwise HOCBA_PASSWORD, or a prompt on a terminal.</source>
        <translation>Đọc mật khẩu tài khoản của bạn từ TỆP (quyền 600). Nếu không: HOCBA_PASSWORD, hoặc hỏi trên terminal.</translation>
    </message>
    <message>
        <source>This school file has no accounts yet; leave out --user.</source>
        <translation>Tệp dữ liệu của trường này chưa có tài khoản nào; hãy bỏ --user.</translation>
    </message>
    <message>
        <source>This school file has accounts: say who you are with --user LOGIN (the password comes from HOCBA_PASSWORD, --%1 FILE or a prompt). Nothing was changed.</source>
        <translation>Tệp dữ liệu của trường này có tài khoản: hãy cho biết bạn là ai bằng --user TÊN_ĐĂNG_NHẬP (mật khẩu lấy từ HOCBA_PASSWORD, --%1 TỆP hoặc được hỏi). Chưa có gì bị thay đổi.</translation>
    </message>
</context>
<context>
    <name>hocba::cli::CommentsCommand</name>
    <message>
        <source>The school&apos;s comment bank: &quot;comments list&quot; (with filters), &quot;comments add&quot;, &quot;comments remove&quot;, &quot;comments seed&quot; (the default phrases), &quot;comments style&quot; (the house style), &quot;comments check&quot; (a text against the house style) and &quot;comments identical&quot; (pupils of a class sharing one comment).</source>
        <translation>Ngân hàng nhận xét của nhà trường: &quot;comments list&quot; (có bộ lọc), &quot;comments add&quot;, &quot;comments remove&quot;, &quot;comments seed&quot; (các câu mặc định), &quot;comments style&quot; (quy ước viết), &quot;comments check&quot; (đối chiếu một đoạn văn với quy ước viết) và &quot;comments identical&quot; (học sinh trong một lớp có nhận xét giống nhau).</translation>
    </message>
    <message>
        <source>The entry&apos;s code, e.g. T01.</source>
        <translation>Mã của câu nhận xét, ví dụ T01.</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>MÃ</translation>
    </message>
    <message>
        <source>The comment&apos;s text.</source>
        <translation>Nội dung nhận xét.</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>NỘI_DUNG</translation>
    </message>
    <message>
        <source>A subject code (toan, ngu_van, …), q.&lt;quality&gt; or c.&lt;competency&gt;, q or c for any of them, homeroom for the homeroom teacher&apos;s comment; without it, any.</source>
        <translation>Mã môn học (toan, ngu_van, …), q.&lt;phẩm chất&gt; hoặc c.&lt;năng lực&gt;, q hoặc c cho bất kì phẩm chất/năng lực nào, homeroom cho nhận xét của giáo viên chủ nhiệm; bỏ trống là bất kì.</translation>
    </message>
    <message>
        <source>primary or thcs; without it, both.</source>
        <translation>primary (tiểu học) hoặc thcs; bỏ trống là cả hai.</translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation>CẤP</translation>
    </message>
    <message>
        <source>A grade from 1 to 9; without it, any.</source>
        <translation>Khối lớp từ 1 đến 9; bỏ trống là bất kì.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>SỐ</translation>
    </message>
    <message>
        <source>gk1, ck1, gk2, cn (primary) or hk1, hk2, cn (THCS); without it, any.</source>
        <translation>gk1, ck1, gk2, cn (tiểu học) hoặc hk1, hk2, cn (THCS); bỏ trống là bất kì.</translation>
    </message>
    <message>
        <source>TERM</source>
        <translation>HỌC KÌ</translation>
    </message>
    <message>
        <source>The level the comment suits: T, H, C, Đ, CĐ, Tốt, Khá, Đạt, Chưa đạt; without it, any.</source>
        <translation>Mức phù hợp với nhận xét: T, H, C, Đ, CĐ, Tốt, Khá, Đạt, Chưa đạt; bỏ trống là bất kì.</translation>
    </message>
    <message>
        <source>Words the code or text contains (list).</source>
        <translation>Từ có trong mã hoặc nội dung (list).</translation>
    </message>
    <message>
        <source>WORDS</source>
        <translation>TỪ</translation>
    </message>
    <message>
        <source>Whether comments start with &quot;Em&quot;: free, always or never (style).</source>
        <translation>Nhận xét có bắt đầu bằng &quot;Em&quot; hay không: free (tuỳ ý), always (luôn luôn) hoặc never (không bao giờ) (style).</translation>
    </message>
    <message>
        <source>RULE</source>
        <translation>QUY_TẮC</translation>
    </message>
    <message>
        <source>The banned words, separated by commas; an empty value clears them (style).</source>
        <translation>Các từ không được dùng, cách nhau bằng dấu phẩy; để trống thì xoá hết (style).</translation>
    </message>
    <message>
        <source>The soft maximum length of a comment, 20 to 500 characters (style).</source>
        <translation>Độ dài tối đa khuyến nghị của một nhận xét, từ 20 đến 500 ký tự (style).</translation>
    </message>
    <message>
        <source>Say &quot;comments list&quot;, &quot;comments add&quot;, &quot;comments remove&quot;, &quot;comments seed&quot;, &quot;comments style&quot;, &quot;comments check&quot; or &quot;comments identical&quot;.</source>
        <translation>Hãy dùng &quot;comments list&quot;, &quot;comments add&quot;, &quot;comments remove&quot;, &quot;comments seed&quot;, &quot;comments style&quot;, &quot;comments check&quot; hoặc &quot;comments identical&quot;.</translation>
    </message>
    <message>
        <source>--level is primary or thcs.</source>
        <translation>--level là primary hoặc thcs.</translation>
    </message>
    <message>
        <source>--grade is a number from 1 to 9.</source>
        <translation>--grade là một số từ 1 đến 9.</translation>
    </message>
    <message>
        <source>--class NAME is required.</source>
        <translation>Cần có --class TÊN.</translation>
    </message>
    <message>
        <source>--code CODE and --text TEXT are required.</source>
        <translation>Cần có --code MÃ và --text NỘI_DUNG.</translation>
    </message>
    <message>
        <source>Added %1 to the comment bank.</source>
        <translation>Đã thêm %1 vào ngân hàng nhận xét.</translation>
    </message>
    <message>
        <source>--code CODE is required.</source>
        <translation>Cần có --code MÃ.</translation>
    </message>
    <message>
        <source>Removed %1 from the comment bank.</source>
        <translation>Đã xoá %1 khỏi ngân hàng nhận xét.</translation>
    </message>
    <message>
        <source>Added %1 phrases of the default bank (codes already in the bank are kept as they are).</source>
        <translation>Đã thêm %1 câu nhận xét mặc định (các mã đã có trong ngân hàng được giữ nguyên).</translation>
    </message>
    <message>
        <source>--em is free, always or never.</source>
        <translation>--em là free, always hoặc never.</translation>
    </message>
    <message>
        <source>--max-length is a number of characters.</source>
        <translation>--max-length là số ký tự.</translation>
    </message>
    <message>
        <source>any</source>
        <translation>bất kì</translation>
    </message>
    <message>
        <source>No comment in the bank suits this (&quot;comments seed&quot; adds the default phrases).</source>
        <translation>Không có nhận xét nào trong ngân hàng phù hợp (&quot;comments seed&quot; sẽ thêm các câu mặc định).</translation>
    </message>
    <message>
        <source>as written</source>
        <translation>giữ như đã viết</translation>
    </message>
    <message>
        <source>always</source>
        <translation>luôn luôn</translation>
    </message>
    <message>
        <source>never</source>
        <translation>không bao giờ</translation>
    </message>
    <message>
        <source>Comments start with &quot;Em&quot;: %1</source>
        <translation>Nhận xét bắt đầu bằng &quot;Em&quot;: %1</translation>
    </message>
    <message>
        <source>Banned words: %1</source>
        <translation>Từ không được dùng: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <source>Longest comment: %1 characters</source>
        <translation>Nhận xét dài nhất: %1 ký tự</translation>
    </message>
    <message>
        <source>homeroom</source>
        <translation>chủ nhiệm</translation>
    </message>
    <message>
        <source>%1, %2: %3 of %4 pupils: &quot;%5&quot;</source>
        <translation>%1, %2: %3 trên %4 học sinh: &quot;%5&quot;</translation>
    </message>
    <message>
        <source>No %1 pupils of %2 share one comment.</source>
        <translation>Không có học sinh nào của %2 trùng nhận xét (%1).</translation>
    </message>
    <message>
        <source>In the house style: %1</source>
        <translation>Theo quy ước viết: %1</translation>
    </message>
    <message>
        <source>The comment follows the school&apos;s house style.</source>
        <translation>Nhận xét đúng quy ước viết của nhà trường.</translation>
    </message>
</context>
<context>
    <name>hocba::cli::ConfirmCommand</name>
    <message>
        <source>Confirm the checked school years of a class or the whole school (draft to ready); lists the rest with their findings (exit 1 when some were not confirmed).</source>
        <translation>Xác nhận các năm học đã kiểm tra của một lớp hoặc cả trường (từ nháp sang sẵn sàng); liệt kê các hồ sơ còn lại cùng các phát hiện (mã thoát 1 khi có hồ sơ chưa được xác nhận).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>TÊN</translation>
    </message>
    <message>
        <source>Confirm sections that have warnings too; the acknowledgement is recorded in the audit log under this name.</source>
        <translation>Xác nhận cả các hồ sơ có cảnh báo; việc ghi nhận cảnh báo được lưu vào nhật ký kiểm tra dưới tên này.</translation>
    </message>
    <message>
        <source>--acknowledge-warnings needs the name of who acknowledges.</source>
        <translation>--acknowledge-warnings cần tên của người ghi nhận.</translation>
    </message>
    <message>
        <source>School year %1: %2 confirmed, %3 already confirmed earlier, %4 not confirmed.</source>
        <translation>Năm học %1: đã xác nhận %2, %3 đã được xác nhận trước đó, %4 chưa được xác nhận.</translation>
    </message>
    <message>
        <source>error</source>
        <translation>lỗi</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>cảnh báo</translation>
    </message>
</context>
<context>
    <name>hocba::cli::Corrections</name>
    <message>
        <source>The student&apos;s code (MOET code, registration number or the record&apos;s lookup code).</source>
        <translation>Mã học sinh (mã của Bộ, số đăng bộ hoặc mã tra cứu của học bạ).</translation>
    </message>
    <message>
        <source>The school year section&apos;s number.</source>
        <translation>Số của năm học trong học bạ.</translation>
    </message>
    <message>
        <source>--section must be a number.</source>
        <translation>--section phải là một số.</translation>
    </message>
    <message>
        <source>Give --student CODE or --section ID.</source>
        <translation>Hãy ghi --student MÃ hoặc --section SỐ.</translation>
    </message>
</context>
<context>
    <name>hocba::cli::DeadlinesCommand</name>
    <message>
        <source>The deadline board of a school year: per class and homeroom teacher, marks and comments missing, records checked, confirmed, approved, signed and uploaded, the August cohort apart, and the days left to 30/6 and 15/8.</source>
        <translation>Bảng theo dõi hạn của một năm học: theo từng lớp và giáo viên chủ nhiệm, số điểm và nhận xét còn thiếu, số học bạ đã rà soát, đã xác nhận, đã phê duyệt, đã ký và đã nộp lên Sở, nhóm xét sau hè tính riêng, cùng số ngày còn lại đến 30/6 và 15/8.</translation>
    </message>
    <message>
        <source>Count the days from this date.</source>
        <translation>Tính số ngày còn lại kể từ ngày này.</translation>
    </message>
    <message>
        <source>Write the date as dd/MM/yyyy, e.g. 01/06/2026.</source>
        <translation>Hãy ghi ngày theo dạng dd/MM/yyyy, ví dụ 01/06/2026.</translation>
    </message>
    <message>
        <source>School year %1, %2: %3 days left to %4; %5 days left to %6 (August cohort).</source>
        <translation>Năm học %1, ngày %2: còn %3 ngày đến %4; còn %5 ngày đến %6 (nhóm xét sau hè).</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Lớp</translation>
    </message>
    <message>
        <source>Pupils</source>
        <translation>Sĩ số</translation>
    </message>
    <message>
        <source>Marks missing</source>
        <translation>Thiếu điểm</translation>
    </message>
    <message>
        <source>Comments missing</source>
        <translation>Thiếu nhận xét</translation>
    </message>
    <message>
        <source>Clean</source>
        <translation>Không lỗi</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Đã phê duyệt</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Đã ký</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Đã nộp Sở</translation>
    </message>
    <message>
        <source>August</source>
        <translation>Xét sau hè</translation>
    </message>
    <message>
        <source>Homeroom teacher</source>
        <translation>Giáo viên chủ nhiệm</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
</context>
<context>
    <name>hocba::cli::DemoCommand</name>
    <message>
        <source>Create a realistic demo school in a new data file (the same seed gives the same school).</source>
        <translation>Tạo một trường mẫu với dữ liệu như thật trong một tệp dữ liệu mới (cùng hạt giống cho cùng một trường).</translation>
    </message>
    <message>
        <source>Which levels: primary, thcs or both (default).</source>
        <translation>Cấp học: primary (tiểu học), thcs hoặc both (cả hai, mặc định).</translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation>CẤP</translation>
    </message>
    <message>
        <source>Number of students (default 800).</source>
        <translation>Số học sinh (mặc định 800).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>SỐ</translation>
    </message>
    <message>
        <source>Random seed (default 1).</source>
        <translation>Hạt giống ngẫu nhiên (mặc định 1).</translation>
    </message>
    <message>
        <source>The school year whose results are complete and in draft, e.g. 2025-2026 (default: the latest school year that has ended).</source>
        <translation>Năm học có kết quả đầy đủ ở dạng bản nháp, ví dụ 2025-2026 (mặc định: năm học gần nhất đã kết thúc).</translation>
    </message>
    <message>
        <source>YEAR</source>
        <translation>NĂM HỌC</translation>
    </message>
    <message>
        <source>--level must be primary, thcs or both.</source>
        <translation>--level phải là primary, thcs hoặc both.</translation>
    </message>
    <message>
        <source>--students must be a whole number.</source>
        <translation>--students phải là một số nguyên.</translation>
    </message>
    <message>
        <source>--seed must be a whole number.</source>
        <translation>--seed phải là một số nguyên.</translation>
    </message>
    <message>
        <source>--year must look like 2025-2026.</source>
        <translation>--year phải có dạng 2025-2026.</translation>
    </message>
    <message>
        <source>Creating students: %1/%2</source>
        <translation>Đang tạo học sinh: %1/%2</translation>
    </message>
    <message>
        <source>Demo school created in %1 (%2 ms).</source>
        <translation>Đã tạo trường mẫu trong %1 (%2 ms).</translation>
    </message>
    <message>
        <source>School year %1: %2 students in %3 classes, %4 teachers.</source>
        <translation>Năm học %1: %2 học sinh trong %3 lớp, %4 giáo viên.</translation>
    </message>
    <message>
        <source>%1 school years of records (%2 earlier years kept on paper), %3 assessment entries.</source>
        <translation>%1 năm học trong học bạ (%2 năm trước lưu trên giấy), %3 mục đánh giá.</translation>
    </message>
    <message>
        <source>For practice: %1 personal ID numbers fail their check, %2 students have data for the checks to find, %3 primary students await additional assessment.</source>
        <translation>Để thực hành: %1 số định danh cá nhân không qua kiểm tra, %2 học sinh có dữ liệu cần rà soát, %3 học sinh tiểu học chờ đánh giá bổ sung.</translation>
    </message>
</context>
<context>
    <name>hocba::cli::EndpointCommand</name>
    <message>
        <source>The Department&apos;s server, e.g. https://hocba.sogd.example.vn.</source>
        <translation>Máy chủ của Sở, ví dụ https://hocba.sogd.example.vn.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The school&apos;s credential file the Department gave (one line).</source>
        <translation>Tệp mã xác thực Sở cấp cho trường (một dòng).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>The Department&apos;s certificate (department-cert.pem): its receipts must be signed with it.</source>
        <translation>Chứng thư của Sở (department-cert.pem): biên nhận của Sở phải được ký bằng chứng thư này.</translation>
    </message>
    <message>
        <source>Say &quot;endpoint set&quot; or &quot;endpoint show&quot;.</source>
        <translation>Hãy ghi &quot;endpoint set&quot; hoặc &quot;endpoint show&quot;.</translation>
    </message>
    <message>
        <source>--url URL, --credential-file FILE and --department-cert FILE are required.</source>
        <translation>Cần có --url URL, --credential-file TỆP và --department-cert TỆP.</translation>
    </message>
    <message>
        <source>No Department server is set for this school yet. Set it with &quot;hocba-cli endpoint set&quot;.</source>
        <translation>Trường chưa cài đặt máy chủ của Sở. Hãy cài đặt bằng &quot;hocba-cli endpoint set&quot;.</translation>
    </message>
    <message>
        <source>Department server: %1</source>
        <translation>Máy chủ của Sở: %1</translation>
    </message>
    <message>
        <source>Department: %1</source>
        <translation>Sở: %1</translation>
    </message>
    <message>
        <source>Department certificate SHA-256: %1</source>
        <translation>SHA-256 của chứng thư Sở: %1</translation>
    </message>
    <message>
        <source>The school&apos;s credential is set (it is never shown).</source>
        <translation>Đã có mã xác thực của trường (mã này không bao giờ được hiện ra).</translation>
    </message>
    <message>
        <source>Set the Department&apos;s server this school reports to: &quot;endpoint set --url URL --credential-file F --department-cert F&quot;, the lookup portal printed in the QR codes: &quot;endpoint set --lookup-url URL&quot;, &quot;endpoint show&quot;.</source>
        <translation>Đặt máy chủ của Sở mà trường gửi học bạ đến: &quot;endpoint set --url URL --credential-file F --department-cert F&quot;, cổng tra cứu in trong mã QR: &quot;endpoint set --lookup-url URL&quot;, &quot;endpoint show&quot;.</translation>
    </message>
    <message>
        <source>The lookup portal the printed books&apos; QR codes point to, e.g. https://tracuu.sogd.example.vn/ (an empty value clears it).</source>
        <translation>Cổng tra cứu mà mã QR trên học bạ in ra dẫn đến, ví dụ https://tracuu.sogd.example.vn/ (để trống thì xoá).</translation>
    </message>
    <message>
        <source>Say what to set: --url URL --credential-file FILE --department-cert FILE, and/or --lookup-url URL.</source>
        <translation>Hãy cho biết cần đặt gì: --url URL --credential-file FILE --department-cert FILE, và/hoặc --lookup-url URL.</translation>
    </message>
    <message>
        <source>No Department server is set for this school yet.</source>
        <translation>Trường chưa đặt máy chủ của Sở.</translation>
    </message>
    <message>
        <source>Lookup portal: not set (the printed QR codes point to a placeholder).</source>
        <translation>Cổng tra cứu: chưa đặt (mã QR in ra dẫn đến một địa chỉ giữ chỗ).</translation>
    </message>
    <message>
        <source>Lookup portal: %1</source>
        <translation>Cổng tra cứu: %1</translation>
    </message>
</context>
<context>
    <name>hocba::cli::EvaluateCommand</name>
    <message>
        <source>Compute one student-year&apos;s results under Circular 27 or 22 and check its data (JSON in, JSON out).</source>
        <translation>Tính kết quả cả năm của một học sinh theo Thông tư 27 hoặc 22 và kiểm tra dữ liệu (vào JSON, ra JSON).</translation>
    </message>
    <message>
        <source>[FILE|-]</source>
        <translation>[TỆP|-]</translation>
    </message>
    <message>
        <source>Give at most one input file.</source>
        <translation>Chỉ được chỉ định tối đa một tệp đầu vào.</translation>
    </message>
    <message>
        <source>Cannot read the file %1.</source>
        <translation>Không đọc được tệp %1.</translation>
    </message>
    <message>
        <source>The input is not a JSON object: %1</source>
        <translation>Dữ liệu đầu vào không phải là một đối tượng JSON: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Lỗi: %1</translation>
    </message>
</context>
<context>
    <name>hocba::cli::ExportCommand</name>
    <message>
        <source>The folder to write the packets into.</source>
        <translation>Thư mục lưu các gói dữ liệu.</translation>
    </message>
    <message>
        <source>section %1</source>
        <translation>năm học số %1</translation>
    </message>
    <message>
        <source>%1: cannot write %2 (%3)</source>
        <translation>%1: không ghi được tệp %2 (%3)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Exporting packets: %1/%2</source>
        <translation>Đang xuất gói dữ liệu: %1/%2</translation>
    </message>
    <message>
        <source>School year %1: %2 packets written to %3 (%4 unsigned), %5 signed PDFs, %6 failed.</source>
        <translation>Năm học %1: đã ghi %2 gói dữ liệu vào %3 (%4 chưa ký), %5 tệp PDF đã ký, %6 thất bại.</translation>
    </message>
    <message>
        <source>Write the record packets (XML) of one school year, for a class or the whole school; for signed years the stored signed packet and signed PDF, refused when they fail the school file check (see &quot;audit verify&quot;). &quot;export grades|summary|students --class NAME --out F.xlsx&quot; writes the workbooks offices send: a class&apos;s detailed grade book of one subject and semester, its summary of results, its student list (docs/export.md).</source>
        <translation>Ghi các gói dữ liệu học bạ (XML) của một năm học, cho một lớp hoặc cả trường; với các năm học đã ký thì ghi gói dữ liệu đã ký và tệp PDF đã ký được lưu, và từ chối nếu các tệp này không qua được bước kiểm tra tệp dữ liệu của trường (xem &quot;audit verify&quot;). &quot;export grades|summary|students --class TÊN --out F.xlsx&quot; ghi các bảng tính mà bộ phận văn phòng thường gửi: bảng điểm chi tiết một môn học trong một học kì của lớp, bảng tổng hợp kết quả của lớp, danh sách học sinh của lớp (docs/export.md).</translation>
    </message>
    <message>
        <source>For grades: the subject code, e.g. toan (docs/evaluate.md).</source>
        <translation>Với grades: mã môn học, ví dụ toan (docs/evaluate.md).</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>MÃ</translation>
    </message>
    <message>
        <source>For grades: hk1 or hk2 (THCS); for summary: hk1, hk2 or cn (the default).</source>
        <translation>Với grades: hk1 hoặc hk2 (THCS); với summary: hk1, hk2 hoặc cn (mặc định).</translation>
    </message>
    <message>
        <source>TERM</source>
        <translation>HỌC KÌ</translation>
    </message>
    <message>
        <source>Replace the workbook if it exists.</source>
        <translation>Ghi đè bảng tính nếu tệp đã có.</translation>
    </message>
    <message>
        <source>Say &quot;export grades --class 6A1 --subject toan --term hk1 --out F.xlsx&quot;, &quot;export summary --class 6A1 --out F.xlsx&quot; or &quot;export students --class 6A1 --out F.xlsx&quot;.</source>
        <translation>Hãy gõ &quot;export grades --class 6A1 --subject toan --term hk1 --out F.xlsx&quot;, &quot;export summary --class 6A1 --out F.xlsx&quot; hoặc &quot;export students --class 6A1 --out F.xlsx&quot;.</translation>
    </message>
    <message>
        <source>%1 already exists; choose another file or add --force to replace it.</source>
        <translation>%1 đã có; hãy chọn tệp khác hoặc thêm --force để ghi đè.</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>Đã ghi %1.</translation>
    </message>
</context>
<context>
    <name>hocba::cli::ExtendCommand</name>
    <message>
        <source>Archive time-stamps: &quot;extend --db F&quot; says which signed records need one soon; &quot;--within DAYS&quot; or &quot;--all&quot; adds them from the school&apos;s time-stamping server.</source>
        <translation>Dấu thời gian lưu trữ: "extend --db F" cho biết học bạ đã ký nào sắp cần dấu mới; "--within SỐ_NGÀY" hoặc "--all" thêm dấu từ máy chủ cấp dấu thời gian của trường.</translation>
    </message>
    <message>
        <source>Add an archive time-stamp to every signed record, due or not.</source>
        <translation>Thêm dấu thời gian lưu trữ cho mọi học bạ đã ký, dù đã đến hạn hay chưa.</translation>
    </message>
    <message>
        <source>Add one to the records whose last time-stamp expires within DAYS days (default %1).</source>
        <translation>Thêm cho các học bạ có dấu thời gian cuối cùng hết hạn trong SỐ_NGÀY ngày tới (mặc định %1).</translation>
    </message>
    <message>
        <source>DAYS</source>
        <translation>SỐ_NGÀY</translation>
    </message>
    <message>
        <source>&quot;extend&quot; takes no other words; see --help.</source>
        <translation>"extend" không nhận thêm từ nào khác; xem --help.</translation>
    </message>
    <message>
        <source>--within takes a number of days (0 to 36500).</source>
        <translation>--within cần một số ngày (từ 0 đến 36500).</translation>
    </message>
    <message>
        <source>archive time-stamp added</source>
        <translation>đã thêm dấu thời gian lưu trữ</translation>
    </message>
    <message>
        <source>not extended</source>
        <translation>chưa gia hạn</translation>
    </message>
    <message>
        <source>%1 of %2 records received an archive time-stamp.</source>
        <translation>%1 trong %2 học bạ đã được thêm dấu thời gian lưu trữ.</translation>
    </message>
    <message>
        <source>The run stopped; run the same command again later to continue.</source>
        <translation>Việc gia hạn đã dừng; hãy chạy lại đúng lệnh đó sau để làm tiếp.</translation>
    </message>
    <message>
        <source>No signed record needs an archive time-stamp in the next %1 days (%2 records carry a time-stamp).</source>
        <translation>Không có học bạ đã ký nào cần dấu thời gian lưu trữ trong %1 ngày tới (%2 học bạ có dấu thời gian).</translation>
    </message>
    <message>
        <source>%1 signed records need an archive time-stamp: the certificate of their last time-stamp expires from %2 on (%3 of them within %4 days).</source>
        <translation>%1 học bạ đã ký cần dấu thời gian lưu trữ: chứng thư của dấu thời gian cuối cùng hết hạn từ %2 (%3 học bạ trong số đó trong vòng %4 ngày).</translation>
    </message>
    <message>
        <source>Add them with: hocba-cli extend --db FILE --within %1</source>
        <translation>Thêm bằng lệnh: hocba-cli extend --db TỆP --within %1</translation>
    </message>
</context>
<context>
    <name>hocba::cli::GridCommand</name>
    <message>
        <source>An entry grid of a class (a subject and term, the homeroom columns, or the primary qualities): shown as TSV or JSON, a TSV block pasted into it with the same checks as the desktop (exit 1 when a cell is refused), or one cell&apos;s history.</source>
        <translation>Bảng nhập điểm của một lớp (một môn học và kì, các cột của giáo viên chủ nhiệm, hoặc phẩm chất tiểu học): hiển thị dạng TSV hoặc JSON, dán một khối TSV vào bảng với cùng các kiểm tra như trên ứng dụng máy tính (thoát với mã 1 khi có ô bị từ chối), hoặc xem lịch sử một ô.</translation>
    </message>
    <message>
        <source>The class, e.g. 6A1.</source>
        <translation>Tên lớp, ví dụ 6A1.</translation>
    </message>
    <message>
        <source>The subject code, e.g. toan.</source>
        <translation>Mã môn học, ví dụ toan.</translation>
    </message>
    <message>
        <source>The homeroom teacher&apos;s grid.</source>
        <translation>Bảng nhập của giáo viên chủ nhiệm.</translation>
    </message>
    <message>
        <source>The primary qualities and competencies grid.</source>
        <translation>Bảng nhập phẩm chất và năng lực tiểu học.</translation>
    </message>
    <message>
        <source>hk1 or hk2 (THCS; the homeroom grid: hk1 or year), gk1, ck1, gk2 or cn (primary).</source>
        <translation>hk1 hoặc hk2 (THCS; bảng của giáo viên chủ nhiệm: hk1 hoặc year), gk1, ck1, gk2 hoặc cn (tiểu học).</translation>
    </message>
    <message>
        <source>A TSV file (as copied from Excel) to write into the grid.</source>
        <translation>Tệp TSV (như khi sao chép từ Excel) để ghi vào bảng nhập điểm.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>The first pupil row (1 = the first pupil) of --paste, or the row of --history.</source>
        <translation>Dòng học sinh đầu tiên (1 = học sinh đầu tiên) của --paste, hoặc dòng của --history.</translation>
    </message>
    <message>
        <source>The first column of --paste (its header, e.g. ĐĐGtx1), or the column of --history.</source>
        <translation>Cột đầu tiên của --paste (tên cột, ví dụ ĐĐGtx1), hoặc cột của --history.</translation>
    </message>
    <message>
        <source>Show the history of one cell (--row, --column).</source>
        <translation>Xem lịch sử của một ô (--row, --column).</translation>
    </message>
    <message>
        <source>Name the class with --class, one of --subject CODE, --homeroom or --qualities, and the --term.</source>
        <translation>Hãy nêu lớp bằng --class, một trong --subject MÃ, --homeroom hoặc --qualities, và --term.</translation>
    </message>
    <message>
        <source>There is no class %1 in school year %2.</source>
        <translation>Năm học %2 không có lớp %1.</translation>
    </message>
    <message>
        <source>--row takes a pupil&apos;s row number from 1 to %1.</source>
        <translation>--row nhận số dòng của học sinh từ 1 đến %1.</translation>
    </message>
    <message>
        <source>This grid has no column &quot;%1&quot;; its columns: %2.</source>
        <translation>Bảng này không có cột &quot;%1&quot;; các cột của bảng: %2.</translation>
    </message>
    <message>
        <source>Name the cell with --row N and --column HEADER.</source>
        <translation>Hãy nêu ô bằng --row N và --column TÊN_CỘT.</translation>
    </message>
    <message>
        <source>No change of this cell is recorded.</source>
        <translation>Chưa ghi nhận thay đổi nào của ô này.</translation>
    </message>
    <message>
        <source>Cannot read the file %1.</source>
        <translation>Không đọc được tệp %1.</translation>
    </message>
    <message>
        <source>Row %1, column %2: %3</source>
        <translation>Dòng %1, cột %2: %3</translation>
    </message>
    <message>
        <source>%1 cells written, %2 refused, %3 outside the grid.</source>
        <translation>Đã ghi %1 ô, từ chối %2 ô, %3 ô nằm ngoài bảng.</translation>
    </message>
</context>
<context>
    <name>hocba::cli::ImportCommand</name>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>Show what would change; write nothing.</source>
        <translation>Cho xem những gì sẽ thay đổi; không ghi gì.</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>Chạy thử: không ghi gì.</translation>
    </message>
    <message>
        <source>Added: %1, updated: %2, unchanged: %3, conflicts: %4, rejected: %5.</source>
        <translation>Thêm mới: %1, cập nhật: %2, không đổi: %3, trùng lặp cần xem: %4, bị từ chối: %5.</translation>
    </message>
    <message>
        <source>Row %1, column &quot;%2&quot;: %3</source>
        <translation>Dòng %1, cột &quot;%2&quot;: %3</translation>
    </message>
    <message>
        <source>Write nothing when a row is rejected.</source>
        <translation>Không ghi gì khi có dòng bị từ chối.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>TÊN</translation>
    </message>
    <message>
        <source>Grades: the subject code (docs/evaluate.md), e.g. toan.</source>
        <translation>Điểm: mã môn học (docs/evaluate.md), ví dụ toan.</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>MÃ</translation>
    </message>
    <message>
        <source>TERM</source>
        <translation>HỌC KÌ</translation>
    </message>
    <message>
        <source>--year must look like 2025-2026.</source>
        <translation>--year phải có dạng 2025-2026.</translation>
    </message>
    <message>
        <source>--term must be hk1, hk2 or cn.</source>
        <translation>--term phải là hk1, hk2 hoặc cn.</translation>
    </message>
    <message>
        <source>Nothing was written: a row was rejected and --all-or-nothing was given.</source>
        <translation>Không ghi gì: có dòng bị từ chối và đã dùng --all-or-nothing.</translation>
    </message>
    <message>
        <source>Students: only this class; grades, homeroom: the class of the book.</source>
        <translation>Học sinh: chỉ lớp này; điểm, sổ chủ nhiệm: lớp của sổ.</translation>
    </message>
    <message>
        <source>Grades: hk1, hk2 or cn; homeroom: the semester of a conduct column that names none.</source>
        <translation>Điểm: hk1, hk2 hoặc cn; sổ chủ nhiệm: học kì của cột rèn luyện không ghi học kì.</translation>
    </message>
    <message>
        <source>Say &quot;import students --file list.csv&quot;, &quot;import grades --file book.csv&quot; or &quot;import homeroom --file book.csv&quot;.</source>
        <translation>Hãy dùng &quot;import students --file list.csv&quot;, &quot;import grades --file book.csv&quot; hoặc &quot;import homeroom --file book.csv&quot;.</translation>
    </message>
    <message>
        <source>Import a student list, a grade book or a homeroom book (.xlsx, .xls or CSV): &quot;import students --file list.xlsx&quot;, &quot;import grades --file book.xlsx --class 6A1 --subject toan --term hk1&quot;, &quot;import homeroom --file book.xlsx --class 6A1&quot; (--dry-run to preview without writing).</source>
        <translation>Nhập danh sách học sinh, bảng điểm hoặc sổ chủ nhiệm (.xlsx, .xls hoặc CSV): &quot;import students --file list.xlsx&quot;, &quot;import grades --file book.xlsx --class 6A1 --subject toan --term hk1&quot;, &quot;import homeroom --file book.xlsx --class 6A1&quot; (--dry-run để xem trước mà không ghi).</translation>
    </message>
    <message>
        <source>The file to import: .xlsx, .xls or CSV in UTF-8.</source>
        <translation>Tệp cần nhập: .xlsx, .xls hoặc CSV mã UTF-8.</translation>
    </message>
    <message>
        <source>The school year, e.g. 2025-2026. Students: default the latest in the file; grades, homeroom: taken from the book&apos;s title when not given.</source>
        <translation>Năm học, ví dụ 2025-2026. Danh sách học sinh: mặc định là năm mới nhất trong tệp; bảng điểm, sổ chủ nhiệm: lấy từ tiêu đề của sổ khi không ghi.</translation>
    </message>
    <message>
        <source>YEAR</source>
        <translation>NĂM</translation>
    </message>
</context>
<context>
    <name>hocba::cli::InfoCommand</name>
    <message>
        <source>Summarise a school&apos;s data file: students and records per grade and class, and their states.</source>
        <translation>Tóm tắt tệp dữ liệu của trường: học sinh và học bạ theo khối, lớp và trạng thái.</translation>
    </message>
    <message>
        <source>School: %1 (code %2), %3</source>
        <translation>Trường: %1 (mã %2), %3</translation>
    </message>
    <message>
        <source>School: not set up yet</source>
        <translation>Trường: chưa khai báo</translation>
    </message>
    <message>
        <source>Data version: %1</source>
        <translation>Phiên bản dữ liệu: %1</translation>
    </message>
    <message>
        <source>Students: %1, teachers: %2, records: %3, school years of records: %4</source>
        <translation>Học sinh: %1, giáo viên: %2, học bạ: %3, năm học trong học bạ: %4</translation>
    </message>
    <message>
        <source>By state: %1</source>
        <translation>Theo trạng thái: %1</translation>
    </message>
    <message>
        <source>Grade %1 total: %2 students</source>
        <translation>Cộng khối %1: %2 học sinh</translation>
    </message>
    <message>
        <source>School year %1</source>
        <translation>Năm học %1</translation>
    </message>
    <message>
        <source>Grade %1</source>
        <translation>Khối %1</translation>
    </message>
    <message>
        <source>Class %1: %2 students (%3)</source>
        <translation>Lớp %1: %2 học sinh (%3)</translation>
    </message>
</context>
<context>
    <name>hocba::cli::InitCommand</name>
    <message>
        <source>Create an empty school file for a real school: the school and its first school year (an existing file is never overwritten).</source>
        <translation>Tạo tệp dữ liệu trống cho một trường thật: thông tin trường và năm học đầu tiên (không bao giờ ghi đè lên tệp đã có).</translation>
    </message>
    <message>
        <source>The school&apos;s name.</source>
        <translation>Tên trường.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>TÊN</translation>
    </message>
    <message>
        <source>The school&apos;s code (mã trường).</source>
        <translation>Mã trường.</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>MÃ</translation>
    </message>
    <message>
        <source>The province or city.</source>
        <translation>Tỉnh hoặc thành phố.</translation>
    </message>
    <message>
        <source>The commune or ward.</source>
        <translation>Xã hoặc phường.</translation>
    </message>
    <message>
        <source>Which levels: primary, thcs or both.</source>
        <translation>Cấp học: primary (tiểu học), thcs (trung học cơ sở) hoặc both (cả hai).</translation>
    </message>
    <message>
        <source>LEVELS</source>
        <translation>CẤP_HỌC</translation>
    </message>
    <message>
        <source>The first school year, e.g. 2025-2026.</source>
        <translation>Năm học đầu tiên, ví dụ 2025-2026.</translation>
    </message>
    <message>
        <source>YEAR</source>
        <translation>NĂM</translation>
    </message>
    <message>
        <source>--levels must be primary, thcs or both.</source>
        <translation>--levels phải là primary, thcs hoặc both.</translation>
    </message>
    <message>
        <source>--year must look like 2025-2026.</source>
        <translation>--year phải có dạng 2025-2026.</translation>
    </message>
    <message>
        <source>The login of the school&apos;s administrator (IT), created with the file.</source>
        <translation>Tên đăng nhập của người quản trị (cán bộ tin học) của trường, được tạo cùng tệp dữ liệu.</translation>
    </message>
    <message>
        <source>LOGIN</source>
        <translation>TÊN_ĐĂNG_NHẬP</translation>
    </message>
    <message>
        <source>The administrator&apos;s full name (default: the login).</source>
        <translation>Họ tên người quản trị (mặc định: tên đăng nhập).</translation>
    </message>
    <message>
        <source>Read the administrator&apos;s password from FILE (mode 600). Otherwise HOCBA_PASSWORD, or a prompt on a terminal.</source>
        <translation>Đọc mật khẩu của người quản trị từ TỆP (quyền 600). Nếu không thì từ HOCBA_PASSWORD, hoặc hỏi trực tiếp trên cửa sổ dòng lệnh.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>--school-name, --school-code, --province, --levels, --year and --admin are required.</source>
        <translation>Cần có --school-name, --school-code, --province, --levels, --year và --admin.</translation>
    </message>
    <message>
        <source>Created %1: %2, school year %3, administrator %4.</source>
        <translation>Đã tạo %1: %2, năm học %3, người quản trị %4.</translation>
    </message>
</context>
<context>
    <name>hocba::cli::LintCommand</name>
    <message>
        <source>Run the checks before signing on a class or the whole school and list the findings by class and student (exit 1 when there is an error).</source>
        <translation>Rà soát dữ liệu trước khi ký cho một lớp hoặc cả trường và liệt kê các vấn đề theo lớp và học sinh (mã thoát 1 khi có lỗi).</translation>
    </message>
    <message>
        <source>Class %1 (%2 students): %3 findings</source>
        <translation>Lớp %1 (%2 học sinh): %3 vấn đề</translation>
    </message>
    <message>
        <source>[error]</source>
        <translation>[lỗi]</translation>
    </message>
    <message>
        <source>[warning]</source>
        <translation>[cảnh báo]</translation>
    </message>
    <message>
        <source>School year %1: %2 students checked, %3 with findings; %4 errors (must be fixed before confirming), %5 warnings (need an acknowledgement).</source>
        <translation>Năm học %1: đã rà soát %2 học sinh, %3 em có vấn đề; %4 lỗi (phải sửa trước khi xác nhận), %5 cảnh báo (cần xác nhận đã xem).</translation>
    </message>
</context>
<context>
    <name>hocba::cli::LockCommand</name>
    <message>
        <source>The board locks entry of marks and comments: the whole school, a grade or a class, optionally only a subject, a term or a column; grids and imports then refuse to change them. Prints the lock&apos;s number.</source>
        <translation>Ban giám hiệu khoá nhập điểm và nhận xét: toàn trường, một khối hoặc một lớp, có thể chỉ một môn học, một kì hoặc một cột; sau đó bảng nhập điểm và việc nhập tệp sẽ không được thay đổi các ô này. In ra số hiệu của khoá.</translation>
    </message>
    <message>
        <source>Lock one grade (1 to 9).</source>
        <translation>Khoá một khối (1 đến 9).</translation>
    </message>
    <message>
        <source>Lock one subject only (a code of docs/evaluate.md, e.g. toan).</source>
        <translation>Chỉ khoá một môn học (mã trong docs/evaluate.md, ví dụ toan).</translation>
    </message>
    <message>
        <source>Lock one term only: hk1, hk2, cn, gk1, ck1, gk2, ck2 or year.</source>
        <translation>Chỉ khoá một kì: hk1, hk2, cn, gk1, ck1, gk2, ck2 hoặc year.</translation>
    </message>
    <message>
        <source>Lock one column only: regular, midterm, final, comment, level, score, conduct or absences.</source>
        <translation>Chỉ khoá một cột: regular, midterm, final, comment, level, score, conduct hoặc absences.</translation>
    </message>
    <message>
        <source>Why entry is locked: the teachers see it.</source>
        <translation>Lý do khoá nhập liệu: giáo viên sẽ thấy lý do này.</translation>
    </message>
    <message>
        <source>Give the reason with --reason TEXT.</source>
        <translation>Hãy ghi lý do bằng --reason NỘI_DUNG.</translation>
    </message>
    <message>
        <source>--grade takes a grade from 1 to 12, e.g. 6.</source>
        <translation>--grade nhận khối lớp từ 1 đến 12, ví dụ 6.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a column: use %2.</source>
        <translation>&quot;%1&quot; không phải là cột: hãy dùng %2.</translation>
    </message>
    <message>
        <source>There is no class %1 in %2.</source>
        <translation>Không có lớp %1 trong %2.</translation>
    </message>
    <message>
        <source>Lock %1 set: %2.</source>
        <translation>Đã đặt khoá %1: %2.</translation>
    </message>
</context>
<context>
    <name>hocba::cli::LocksCommand</name>
    <message>
        <source>The locks on entry in force in a school year.</source>
        <translation>Các khoá nhập liệu đang có hiệu lực trong một năm học.</translation>
    </message>
    <message>
        <source>No lock on entry is in force in %1.</source>
        <translation>Không có khoá nhập liệu nào đang có hiệu lực trong %1.</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Phạm vi</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Môn học</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Kì</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <source>Locked by</source>
        <translation>Người khoá</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
</context>
<context>
    <name>hocba::cli::LookupCommand</name>
    <message>
        <source>Look a record up at the Department by its lookup code (as printed, or the QR code&apos;s text): &quot;lookup CODE --url URL&quot;.</source>
        <translation>Tra cứu một học bạ trên máy chủ của Sở theo mã tra cứu (như in trên giấy, hoặc nội dung mã QR): &quot;lookup MÃ --url URL&quot;.</translation>
    </message>
    <message>
        <source>The Department&apos;s server, e.g. https://hocba.sogd.example.vn.</source>
        <translation>Máy chủ của Sở, ví dụ https://hocba.sogd.example.vn.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Say &quot;lookup CODE --url URL&quot;.</source>
        <translation>Hãy ghi &quot;lookup MÃ --url URL&quot;.</translation>
    </message>
    <message>
        <source>Lookup code: %1</source>
        <translation>Mã tra cứu: %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Trạng thái: %1</translation>
    </message>
    <message>
        <source>Version: %1</source>
        <translation>Phiên bản: %1</translation>
    </message>
    <message>
        <source>School: %1</source>
        <translation>Trường: %1</translation>
    </message>
    <message>
        <source>Received: %1</source>
        <translation>Ngày nhận: %1</translation>
    </message>
    <message>
        <source>Locked on: %1</source>
        <translation>Ngày khoá: %1</translation>
    </message>
    <message>
        <source>locked (final)</source>
        <translation>đã khoá (chính thức)</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>đã thu hồi</translation>
    </message>
    <message>
        <source>received, not locked yet</source>
        <translation>đã nhận, chưa khoá</translation>
    </message>
</context>
<context>
    <name>hocba::cli::OutboxCommand</name>
    <message>
        <source>List the signed records for the Department: waiting, sent (submitted) and locked.</source>
        <translation>Liệt kê các học bạ đã ký để nộp lên Sở: đang chờ, đã nộp và đã khoá.</translation>
    </message>
    <message>
        <source>Only the records of this class, e.g. 6A1.</source>
        <translation>Chỉ các học bạ của lớp này, ví dụ 6A1.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>TÊN</translation>
    </message>
    <message>
        <source>The outbox is empty: signed records appear here.</source>
        <translation>Hộp thư đi trống: học bạ đã ký sẽ hiện ở đây.</translation>
    </message>
    <message>
        <source>sent on %1</source>
        <translation>đã nộp ngày %1</translation>
    </message>
    <message>
        <source>locked on %1</source>
        <translation>đã khoá ngày %1</translation>
    </message>
    <message>
        <source>waiting (%1 tries)</source>
        <translation>đang chờ (đã thử %1 lần)</translation>
    </message>
</context>
<context>
    <name>hocba::cli::PolicyCommand</name>
    <message>
        <source>Which roles must sign each school year: the principal always; the homeroom teacher and the school seal when the school requires them.</source>
        <translation>Những vai trò phải ký mỗi năm học: luôn có hiệu trưởng; giáo viên chủ nhiệm và con dấu nhà trường khi nhà trường yêu cầu.</translation>
    </message>
    <message>
        <source>Make a role required: homeroom or seal.</source>
        <translation>Bắt buộc một vai trò ký: homeroom (giáo viên chủ nhiệm) hoặc seal (con dấu).</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>VAI_TRÒ</translation>
    </message>
    <message>
        <source>Make a role optional: homeroom or seal.</source>
        <translation>Bỏ bắt buộc một vai trò: homeroom (giáo viên chủ nhiệm) hoặc seal (con dấu).</translation>
    </message>
    <message>
        <source>Unknown role &quot;%1&quot;: say homeroom or seal.</source>
        <translation>Không có vai trò &quot;%1&quot;: hãy ghi homeroom hoặc seal.</translation>
    </message>
    <message>
        <source>The principal always signs; only the homeroom teacher and the school seal can be optional.</source>
        <translation>Hiệu trưởng luôn phải ký; chỉ giáo viên chủ nhiệm và con dấu nhà trường mới có thể không bắt buộc.</translation>
    </message>
    <message>
        <source>Signatures required for each school year: %1</source>
        <translation>Chữ ký bắt buộc cho mỗi năm học: %1</translation>
    </message>
    <message>
        <source>The rule applies to records signed from now on; records already signed keep their signatures.</source>
        <translation>Quy định áp dụng cho các hồ sơ ký từ nay; hồ sơ đã ký giữ nguyên chữ ký.</translation>
    </message>
</context>
<context>
    <name>hocba::cli::PrintCommand</name>
    <message>
        <source>Print the records (học bạ) of a class to PDF for handing out, each copy written to the print log (who, when, which version, why). Only the current version of a school year prints; a draft prints marked as a draft.</source>
        <translation>In học bạ của một lớp ra tệp PDF để cấp phát, mỗi bản in được ghi vào sổ theo dõi in (ai in, khi nào, phiên bản nào, lý do in). Chỉ in phiên bản hiện hành của mỗi năm học; bản nháp khi in được đánh dấu là bản nháp.</translation>
    </message>
    <message>
        <source>A folder (one PDF per record, named by lookup code) or a file ending in .pdf (the whole class in one PDF).</source>
        <translation>Một thư mục (mỗi học bạ một tệp PDF, đặt tên theo mã tra cứu) hoặc một tệp có đuôi .pdf (cả lớp trong một tệp PDF).</translation>
    </message>
    <message>
        <source>DIR|FILE.pdf</source>
        <translation>THƯ_MỤC|TỆP.pdf</translation>
    </message>
    <message>
        <source>Print this school year section (a number from &quot;versions&quot;); may be repeated. Refused unless it is the current version.</source>
        <translation>In năm học có số này trong học bạ (số lấy từ lệnh &quot;versions&quot;); có thể ghi nhiều lần. Bị từ chối nếu đó không phải phiên bản hiện hành.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>MÃ</translation>
    </message>
    <message>
        <source>Why the copies are printed: archive, transfer, parent or other.</source>
        <translation>Lý do in: archive (lưu trữ tại trường), transfer (chuyển trường), parent (cấp cho cha mẹ học sinh) hoặc other (lý do khác).</translation>
    </message>
    <message>
        <source>REASON</source>
        <translation>LÝ_DO</translation>
    </message>
    <message>
        <source>A note for the print log (required with --reason other).</source>
        <translation>Ghi chú cho sổ theo dõi in (bắt buộc khi dùng --reason other).</translation>
    </message>
    <message>
        <source>TEXT</source>
        <translation>NỘI_DUNG</translation>
    </message>
    <message>
        <source>How many paper copies the PDF is printed for (default 1, at most %1).</source>
        <translation>Số bản giấy sẽ được in từ tệp PDF (mặc định 1, tối đa %1).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>SỐ</translation>
    </message>
    <message>
        <source>How many records to render at once (default: one per core).</source>
        <translation>Số học bạ được tạo cùng lúc (mặc định: mỗi lõi xử lý một học bạ).</translation>
    </message>
    <message>
        <source>Give where to write with --out DIR or --out FILE.pdf.</source>
        <translation>Hãy chỉ rõ nơi ghi bằng --out THƯ_MỤC hoặc --out TỆP.pdf.</translation>
    </message>
    <message>
        <source>Give either --class NAME or --section ID.</source>
        <translation>Hãy ghi một trong hai: --class TÊN hoặc --section MÃ.</translation>
    </message>
    <message>
        <source>Give the reason with --reason archive, transfer, parent or other.</source>
        <translation>Hãy ghi lý do bằng --reason archive, transfer, parent hoặc other.</translation>
    </message>
    <message>
        <source>--section takes a number.</source>
        <translation>--section phải là một số.</translation>
    </message>
    <message>
        <source>Printing: %1/%2 records</source>
        <translation>Đang in: %1/%2 học bạ</translation>
    </message>
    <message>
        <source>%1 records printed to %2 and written to the print log (%3 as drafts), reason: %4; %5 not printed.</source>
        <translation>Đã in %1 học bạ ra %2 và ghi vào sổ theo dõi in (%3 bản nháp), lý do: %4; %5 học bạ không in được.</translation>
    </message>
</context>
<context>
    <name>hocba::cli::PrintLogCommand</name>
    <message>
        <source>List the print log: every printed copy of a record, who printed it and when, which version and why.</source>
        <translation>Liệt kê sổ theo dõi in: mọi bản in của học bạ, người in, thời điểm in, phiên bản và lý do in.</translation>
    </message>
    <message>
        <source>Nothing has been printed yet.</source>
        <translation>Chưa có bản in nào.</translation>
    </message>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>(draft)</source>
        <translation>(bản nháp)</translation>
    </message>
    <message numerus="yes">
        <source>%n copies</source>
        <translation>
            <numerusform>%n bản</numerusform>
        </translation>
    </message>
    <message>
        <source>printer</source>
        <translation>máy in</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
</context>
<context>
    <name>hocba::cli::ReceiptsCommand</name>
    <message>
        <source>Fetch the Department&apos;s lock receipts: the records it locked become locked in the school file, with the lock&apos;s date.</source>
        <translation>Tải các biên nhận khoá của Sở: học bạ Sở đã khoá sẽ được khoá trong tệp dữ liệu của trường, kèm ngày khoá.</translation>
    </message>
    <message>
        <source>%1 receipts fetched, %2 records newly locked.</source>
        <translation>Đã tải %1 biên nhận, %2 học bạ mới được khoá.</translation>
    </message>
    <message>
        <source>%1 receipts were not accepted: they were not signed with the Department certificate set for this school, or name a record version this school did not send. Nothing was marked for them; tell the Department&apos;s IT staff.</source>
        <translation>%1 biên nhận không được chấp nhận: không được ký bằng chứng thư của Sở đã cài đặt cho trường, hoặc nói về một phiên bản học bạ mà trường không gửi. Không đánh dấu gì cho các biên nhận này; hãy báo cho cán bộ công nghệ thông tin của Sở.</translation>
    </message>
</context>
<context>
    <name>hocba::cli::RenderCommand</name>
    <message>
        <source>The folder to write the PDF files into.</source>
        <translation>Thư mục để ghi các tệp PDF.</translation>
    </message>
    <message>
        <source>How many records to render at once (default: one per processor core).</source>
        <translation>Số học bạ in cùng lúc (mặc định: mỗi lõi xử lý một học bạ).</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Không ghi được %1.</translation>
    </message>
    <message>
        <source>Rendering: %1/%2 records (%3%)</source>
        <translation>Đang in: %1/%2 học bạ (%3%)</translation>
    </message>
    <message>
        <source>%1 of %2 records written to %3 in %4 s (%5 records/s).</source>
        <translation>Đã ghi %1/%2 học bạ vào %3 trong %4 giây (%5 học bạ/giây).</translation>
    </message>
    <message>
        <source>Failed (%1): %2</source>
        <translation>Không thành công (%1): %2</translation>
    </message>
    <message>
        <source>Print the records (học bạ) of a class or the whole school to PDF files in the Ministry&apos;s layout. Signed years are printed from their stored signed packet; a record whose signed documents fail the school file check (see &quot;audit verify&quot;) is refused.</source>
        <translation>In học bạ của một lớp hoặc cả trường ra tệp PDF theo mẫu của Bộ. Năm học đã ký được in từ gói dữ liệu đã ký được lưu; học bạ có hồ sơ đã ký không qua được bước kiểm tra tệp dữ liệu của trường (xem &quot;audit verify&quot;) sẽ không được in.</translation>
    </message>
</context>
<context>
    <name>hocba::cli::ReopenCommand</name>
    <message>
        <source>Reopen a signed school year as a new draft version to correct it (before the Department&apos;s lock).</source>
        <translation>Mở lại một năm học đã ký thành phiên bản nháp mới để sửa (trước khi Sở khoá).</translation>
    </message>
    <message>
        <source>Why the year is reopened (1-500 characters).</source>
        <translation>Lý do mở lại năm học (1–500 ký tự).</translation>
    </message>
    <message>
        <source>Section %1 reopened as section %2 (a new draft version). Correct it, confirm it and sign it: it then replaces the old version.</source>
        <translation>Đã mở lại năm học số %1 thành số %2 (phiên bản nháp mới). Hãy sửa, xác nhận và ký: khi đó phiên bản mới thay thế phiên bản cũ.</translation>
    </message>
</context>
<context>
    <name>hocba::cli::RestoreCommand</name>
    <message>
        <source>Put a backup back in place of the school&apos;s data file (the current file is kept beside it).</source>
        <translation>Khôi phục tệp dữ liệu của trường từ bản sao lưu (tệp hiện tại được giữ lại bên cạnh).</translation>
    </message>
    <message>
        <source>The backup file to restore.</source>
        <translation>Tệp sao lưu cần khôi phục.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>The --from FILE option is required.</source>
        <translation>Cần có tuỳ chọn --from TỆP.</translation>
    </message>
    <message>
        <source>Restored %1 from %2.</source>
        <translation>Đã khôi phục %1 từ %2.</translation>
    </message>
</context>
<context>
    <name>hocba::cli::ReturnCommand</name>
    <message>
        <source>The board returns a class to its homeroom teacher with a reason: its confirmed records go back to draft; the teacher sees the reason in the review.</source>
        <translation>Ban giám hiệu trả lại một lớp cho giáo viên chủ nhiệm kèm lý do: các học bạ đã xác nhận của lớp trở lại thành bản nháp; giáo viên xem được lý do khi rà soát trước khi ký.</translation>
    </message>
    <message>
        <source>What the homeroom teacher must fix.</source>
        <translation>Những nội dung giáo viên chủ nhiệm cần sửa.</translation>
    </message>
    <message>
        <source>Give the reason with --reason TEXT.</source>
        <translation>Hãy ghi lý do bằng --reason NỘI_DUNG.</translation>
    </message>
    <message>
        <source>Class %1 returned to its homeroom teacher: %2 confirmed records are drafts again.</source>
        <translation>Đã trả lại lớp %1 cho giáo viên chủ nhiệm: %2 học bạ đã xác nhận trở lại thành bản nháp.</translation>
    </message>
</context>
<context>
    <name>hocba::cli::ReviewCommand</name>
    <message>
        <source>The class, e.g. 6A1.</source>
        <translation>Tên lớp, ví dụ 6A1.</translation>
    </message>
    <message>
        <source>Name the class with --class NAME.</source>
        <translation>Hãy ghi tên lớp bằng --class TÊN.</translation>
    </message>
    <message>
        <source>The check before signing of a class: what the checks find, marks, levels and comments not entered, personal IDs, pupil codes, birthplaces, the August cohort and the board&apos;s returns; a fix list as PDF (exit 1 when errors are found).</source>
        <translation>Rà soát trước khi ký cho một lớp: các vấn đề phát hiện khi kiểm tra; điểm, mức đạt được và nhận xét chưa nhập; số định danh cá nhân, mã học sinh, nơi sinh; nhóm xét sau hè và các lần Ban giám hiệu trả lại; danh sách cần sửa dạng PDF (mã thoát 1 khi có lỗi).</translation>
    </message>
    <message>
        <source>Write the fix list for the homeroom teacher as PDF.</source>
        <translation>Ghi danh sách cần sửa cho giáo viên chủ nhiệm ra tệp PDF.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>Write the fix list as HTML.</source>
        <translation>Ghi danh sách cần sửa ra tệp HTML.</translation>
    </message>
    <message>
        <source>Cannot write the file %1.</source>
        <translation>Không ghi được tệp %1.</translation>
    </message>
    <message>
        <source>Class %1, school year %2 (%3): %4 pupils, %5 without errors; %6 marks or levels and %7 comments not entered; %8 in the August cohort; %9 confirmed, %10 approved, %11 signed.</source>
        <translation>Lớp %1, năm học %2 (%3): %4 học sinh, %5 em không có lỗi; %6 điểm hoặc mức đạt được và %7 nhận xét chưa nhập; %8 em thuộc nhóm xét sau hè; đã xác nhận %9, đã phê duyệt %10, đã ký %11.</translation>
    </message>
    <message>
        <source>Returned by %1 on %2: %3</source>
        <translation>%1 đã trả lại ngày %2: %3</translation>
    </message>
    <message>
        <source>error</source>
        <translation>lỗi</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>cảnh báo</translation>
    </message>
    <message>
        <source>Fix list written to %1.</source>
        <translation>Đã ghi danh sách cần sửa vào %1.</translation>
    </message>
</context>
<context>
    <name>hocba::cli::RevokeCommand</name>
    <message>
        <source>Revoke a signed school year (before the Department&apos;s lock) with a request the principal signs on the token; the next upload sends it.</source>
        <translation>Thu hồi một năm học đã ký (trước khi Sở khoá) bằng yêu cầu do hiệu trưởng ký trên token; lần gửi Sở tiếp theo sẽ gửi yêu cầu này.</translation>
    </message>
    <message>
        <source>Why the year is revoked (1-500 characters).</source>
        <translation>Lý do thu hồi năm học (1–500 ký tự).</translation>
    </message>
    <message>
        <source>Section %1 revoked. The revoke request, signed by the principal, waits in the outbox: &quot;hocba-cli upload&quot; sends it to the Department.</source>
        <translation>Đã thu hồi năm học số %1. Yêu cầu thu hồi có chữ ký của hiệu trưởng đang chờ trong hàng gửi: lệnh &quot;hocba-cli upload&quot; sẽ gửi lên Sở.</translation>
    </message>
</context>
<context>
    <name>hocba::cli::SchoolCommand</name>
    <message>
        <source>The school&apos;s print settings: the seal image printed beside the principal&apos;s digital signature (&quot;school seal --file F&quot; or &quot;school seal --clear&quot;) and the instructions page after the cover (&quot;school print --instructions on|off&quot;).</source>
        <translation>Thiết lập in của nhà trường: hình con dấu in bên cạnh chữ ký số của Hiệu trưởng (&quot;school seal --file F&quot; hoặc &quot;school seal --clear&quot;) và trang hướng dẫn sau trang bìa (&quot;school print --instructions on|off&quot;).</translation>
    </message>
    <message>
        <source>The seal image: PNG or JPEG, at most %1 KB.</source>
        <translation>Ảnh con dấu: PNG hoặc JPEG, tối đa %1 KB.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>Remove the seal image.</source>
        <translation>Xoá ảnh con dấu.</translation>
    </message>
    <message>
        <source>With &quot;print&quot;: on or off, whether the books carry the instructions page (Hướng dẫn ghi học bạ) after the cover.</source>
        <translation>Dùng với &quot;print&quot;: on hoặc off, học bạ có in trang hướng dẫn (Hướng dẫn ghi học bạ) sau trang bìa hay không.</translation>
    </message>
    <message>
        <source>on|off</source>
        <translation>on|off</translation>
    </message>
    <message>
        <source>Say &quot;school seal --file FILE&quot;, &quot;school seal --clear&quot; or &quot;school print --instructions on|off&quot;.</source>
        <translation>Hãy dùng &quot;school seal --file TỆP&quot;, &quot;school seal --clear&quot; hoặc &quot;school print --instructions on|off&quot;.</translation>
    </message>
    <message>
        <source>--instructions goes with &quot;school print&quot;.</source>
        <translation>--instructions dùng với &quot;school print&quot;.</translation>
    </message>
    <message>
        <source>Give either --file FILE or --clear.</source>
        <translation>Hãy ghi hoặc --file FILE hoặc --clear.</translation>
    </message>
    <message>
        <source>The school has no seal image now.</source>
        <translation>Hiện trường không có ảnh con dấu.</translation>
    </message>
    <message>
        <source>Seal image set: PNG, %1 bytes, SHA-256 %2.</source>
        <translation>Đã đặt ảnh con dấu: PNG, %1 byte, SHA-256 %2.</translation>
    </message>
    <message>
        <source>--file and --clear go with &quot;school seal&quot;.</source>
        <translation>--file và --clear dùng với &quot;school seal&quot;.</translation>
    </message>
    <message>
        <source>Unknown value &quot;%1&quot; for --instructions: say on or off.</source>
        <translation>Giá trị &quot;%1&quot; của --instructions không hợp lệ: hãy ghi on hoặc off.</translation>
    </message>
    <message>
        <source>The books carry the instructions page (Hướng dẫn ghi học bạ) after the cover.</source>
        <translation>Học bạ có in trang hướng dẫn (Hướng dẫn ghi học bạ) sau trang bìa.</translation>
    </message>
    <message>
        <source>The books are printed without the instructions page (Hướng dẫn ghi học bạ).</source>
        <translation>Học bạ được in không có trang hướng dẫn (Hướng dẫn ghi học bạ).</translation>
    </message>
</context>
<context>
    <name>hocba::cli::SignCommand</name>
    <message>
        <source>Resuming the unfinished batch: %1 sections to sign.</source>
        <translation>Tiếp tục đợt ký còn dở: còn %1 hồ sơ cần ký.</translation>
    </message>
    <message>
        <source>Signing %1 sections.</source>
        <translation>Đang ký %1 hồ sơ.</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>đã ký</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>bỏ qua</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>THẤT BẠI</translation>
    </message>
    <message>
        <source>student %1: %2</source>
        <translation>học sinh %1: %2</translation>
    </message>
    <message>
        <source>%1 per second, %2:%3 left</source>
        <translation>%1 hồ sơ/giây, còn %2:%3</translation>
    </message>
    <message>
        <source>Sign the confirmed (ready) school years of a class or the whole school with a USB token, with one PIN entry; an interrupted batch resumes with the same certificate.</source>
        <translation>Ký các năm học đã xác nhận (sẵn sàng) của một lớp hoặc cả trường bằng USB token, chỉ nhập PIN một lần; đợt ký bị gián đoạn sẽ tiếp tục với cùng chứng thư số.</translation>
    </message>
    <message>
        <source>The PKCS#11 module of the token.</source>
        <translation>Mô-đun PKCS#11 của token.</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>ĐƯỜNG_DẪN</translation>
    </message>
    <message>
        <source>The token&apos;s label or serial.</source>
        <translation>Nhãn hoặc số sê-ri của token.</translation>
    </message>
    <message>
        <source>LABEL</source>
        <translation>NHÃN</translation>
    </message>
    <message>
        <source>The certificate on the token (its id in hex, as &quot;token list&quot; shows; default: the first one the certificate policy accepts).</source>
        <translation>Chứng thư số trên token (mã hex như &quot;token list&quot; hiển thị; mặc định: chứng thư đầu tiên đạt chính sách chứng thư).</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>MÃ</translation>
    </message>
    <message>
        <source>Who signs: principal, homeroom or seal.</source>
        <translation>Người ký: principal (hiệu trưởng), homeroom (giáo viên chủ nhiệm) hoặc seal (con dấu).</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>VAI_TRÒ</translation>
    </message>
    <message>
        <source>Read the PIN from this file (mode 0600); otherwise HOCBA_PIN or a prompt.</source>
        <translation>Đọc PIN từ tệp này (quyền 0600); nếu không thì từ HOCBA_PIN hoặc hỏi trực tiếp.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>Close an unfinished batch of this role first (its sections stay ready).</source>
        <translation>Đóng đợt ký còn dở của vai trò này trước (các hồ sơ của đợt đó vẫn ở trạng thái sẵn sàng).</translation>
    </message>
    <message>
        <source>DEMO AND TEST USE ONLY: sign with a private key file (PEM) instead of a token. Records signed this way are not legally valid.</source>
        <translation>CHỈ DÙNG ĐỂ TRÌNH DIỄN VÀ KIỂM THỬ: ký bằng tệp khoá bí mật (PEM) thay cho token. Hồ sơ ký theo cách này không có giá trị pháp lý.</translation>
    </message>
    <message>
        <source>PEM</source>
        <translation>PEM</translation>
    </message>
    <message>
        <source>DEMO AND TEST USE ONLY: the certificate (PEM, chain after it) of --demo-key.</source>
        <translation>CHỈ DÙNG ĐỂ TRÌNH DIỄN VÀ KIỂM THỬ: chứng thư số (PEM, chuỗi chứng thư theo sau) của --demo-key.</translation>
    </message>
    <message>
        <source>Give --role principal, homeroom or seal.</source>
        <translation>Hãy chỉ rõ --role principal, homeroom hoặc seal.</translation>
    </message>
    <message>
        <source>--demo-key needs --demo-cert.</source>
        <translation>--demo-key cần kèm --demo-cert.</translation>
    </message>
    <message>
        <source>Give the token with --module PATH --token LABEL.</source>
        <translation>Hãy chỉ rõ token bằng --module ĐƯỜNG_DẪN --token NHÃN.</translation>
    </message>
    <message>
        <source>Cannot read the demo key or certificate.</source>
        <translation>Không đọc được tệp khoá hoặc chứng thư số trình diễn.</translation>
    </message>
    <message>
        <source>WARNING: signing with a key file, for demonstrations and tests only. Records signed this way are not legally valid.</source>
        <translation>CẢNH BÁO: đang ký bằng tệp khoá, chỉ để trình diễn và kiểm thử. Hồ sơ ký theo cách này không có giá trị pháp lý.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Cảnh báo: %1</translation>
    </message>
    <message>
        <source>How many records to render and sign at once; the token still signs one at a time (default: one per processor core).</source>
        <translation>Số hồ sơ được dựng và ký cùng lúc; token vẫn ký lần lượt từng chữ ký (mặc định: bằng số lõi bộ xử lý).</translation>
    </message>
    <message>
        <source>The token holds %1 certificates that the certificate policy accepts; signing with &quot;%2&quot; (id %3). Choose another with --cert ID.</source>
        <translation>Token có %1 chứng thư số được chính sách chứng thư số chấp nhận; sẽ ký bằng &quot;%2&quot; (mã %3). Chọn chứng thư số khác bằng --cert ID.</translation>
    </message>
    <message>
        <source>Who signs: principal (the only role allowed here; the default).</source>
        <translation>Ai ký: principal (hiệu trưởng; chỉ vai trò này được phép ở đây, cũng là mặc định).</translation>
    </message>
    <message>
        <source>Only the principal signs this: give --role principal.</source>
        <translation>Chỉ hiệu trưởng ký việc này: hãy ghi --role principal.</translation>
    </message>
    <message>
        <source>%1 ready sections wait for the board&apos;s approval (the school signs approved sections only: run &quot;approve&quot; first).</source>
        <translation>%1 học bạ đã sẵn sàng đang chờ Ban giám hiệu phê duyệt (nhà trường chỉ ký học bạ đã được phê duyệt: hãy chạy &quot;approve&quot; trước).</translation>
    </message>
</context>
<context>
    <name>hocba::cli::TemplateCommand</name>
    <message>
        <source>The .xlsx file to write.</source>
        <translation>Tệp .xlsx cần ghi.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation>CẤP</translation>
    </message>
    <message>
        <source>Replace the file if it exists.</source>
        <translation>Ghi đè tệp nếu đã có.</translation>
    </message>
    <message>
        <source>--level must be primary or thcs.</source>
        <translation>--level phải là primary hoặc thcs.</translation>
    </message>
    <message>
        <source>%1 already exists; choose another file or add --force to replace it.</source>
        <translation>%1 đã có; hãy chọn tệp khác hoặc thêm --force để ghi đè.</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>Đã ghi %1.</translation>
    </message>
    <message>
        <source>Write an empty workbook to fill in and import: &quot;template students --out list.xlsx&quot;, &quot;template grades --level thcs --out grades.xlsx&quot; or &quot;template homeroom --level primary --out gvcn.xlsx&quot;.</source>
        <translation>Ghi một bảng tính trống để điền rồi nhập: &quot;template students --out list.xlsx&quot;, &quot;template grades --level thcs --out grades.xlsx&quot; hoặc &quot;template homeroom --level primary --out gvcn.xlsx&quot;.</translation>
    </message>
    <message>
        <source>For grades and homeroom: primary (TT27) or thcs (TT22, the default).</source>
        <translation>Với bảng điểm và sổ chủ nhiệm: primary (tiểu học, TT27) hoặc thcs (THCS, TT22, mặc định).</translation>
    </message>
    <message>
        <source>Say &quot;template students --out F.xlsx&quot;, &quot;template grades --out F.xlsx&quot; or &quot;template homeroom --out F.xlsx&quot;.</source>
        <translation>Hãy gõ &quot;template students --out F.xlsx&quot;, &quot;template grades --out F.xlsx&quot; hoặc &quot;template homeroom --out F.xlsx&quot;.</translation>
    </message>
</context>
<context>
    <name>hocba::cli::TokenCommand</name>
    <message>
        <source>List USB tokens and their digital certificates (&quot;token list&quot;; no PIN needed).</source>
        <translation>Liệt kê USB token và chứng thư số trên đó (&quot;token list&quot;; không cần mã PIN).</translation>
    </message>
    <message>
        <source>no key usage</source>
        <translation>không ghi mục đích sử dụng khoá</translation>
    </message>
    <message>
        <source>PKCS#11 module to use instead of the default list (repeatable).</source>
        <translation>Mô-đun PKCS#11 dùng thay cho danh sách mặc định (có thể lặp lại).</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>ĐƯỜNG_DẪN</translation>
    </message>
    <message>
        <source>Say &quot;token list&quot;.</source>
        <translation>Hãy dùng &quot;token list&quot;.</translation>
    </message>
    <message>
        <source>Module %1: %2</source>
        <translation>Mô-đun %1: %2</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>đã nạp</translation>
    </message>
    <message>
        <source>cannot be loaded (%1)</source>
        <translation>không nạp được (%1)</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>chưa cài</translation>
    </message>
    <message>
        <source>No USB token is plugged in.</source>
        <translation>Chưa cắm USB token nào.</translation>
    </message>
    <message>
        <source>Token &quot;%1&quot; (serial %2, %3 %4)</source>
        <translation>Token &quot;%1&quot; (số sê-ri %2, %3 %4)</translation>
    </message>
    <message>
        <source>PIN LOCKED: contact your certification service provider.</source>
        <translation>MÃ PIN ĐÃ BỊ KHOÁ: hãy liên hệ nhà cung cấp dịch vụ chứng thực.</translation>
    </message>
    <message>
        <source>Warning: one more wrong PIN will lock the token.</source>
        <translation>Cảnh báo: nhập sai mã PIN thêm một lần nữa sẽ khoá token.</translation>
    </message>
    <message>
        <source>Warning: a wrong PIN was entered at least once.</source>
        <translation>Cảnh báo: mã PIN đã bị nhập sai ít nhất một lần.</translation>
    </message>
    <message>
        <source>Certificate %1: %2</source>
        <translation>Chứng thư số %1: %2</translation>
    </message>
    <message>
        <source>issued by %1, serial %2</source>
        <translation>do %1 cấp, số sê-ri %2</translation>
    </message>
    <message>
        <source>valid %1 to %2</source>
        <translation>hiệu lực từ %1 đến %2</translation>
    </message>
    <message>
        <source>%1 %2 bits, key usage: %3</source>
        <translation>%1 %2 bit, mục đích sử dụng khoá: %3</translation>
    </message>
</context>
<context>
    <name>hocba::cli::TransferCommand</name>
    <message>
        <source>A pupil changing school: &quot;transfer out&quot; makes the signed transfer package, &quot;transfer in&quot; checks one and imports it.</source>
        <translation>Học sinh chuyển trường: &quot;transfer out&quot; lập gói hồ sơ chuyển trường đã ký, &quot;transfer in&quot; kiểm tra một gói và nhận học bạ.</translation>
    </message>
    <message>
        <source>out: the student&apos;s MOET code.</source>
        <translation>out: mã học sinh của Bộ.</translation>
    </message>
    <message>
        <source>out: the MOET code of the school the pupil moves to.</source>
        <translation>out: mã trường (của Bộ GDĐT) của trường học sinh chuyển đến.</translation>
    </message>
    <message>
        <source>out: that school&apos;s name.</source>
        <translation>out: tên trường đó.</translation>
    </message>
    <message>
        <source>out: the transfer date, dd/MM/yyyy or yyyy-MM-dd (default: today).</source>
        <translation>out: ngày chuyển trường, dd/MM/yyyy hoặc yyyy-MM-dd (mặc định: hôm nay).</translation>
    </message>
    <message>
        <source>out: why the pupil moves (0-500 characters).</source>
        <translation>out: lý do chuyển trường (0–500 ký tự).</translation>
    </message>
    <message>
        <source>in: the transfer package (.hocba-transfer.zip).</source>
        <translation>in: gói hồ sơ chuyển trường (.hocba-transfer.zip).</translation>
    </message>
    <message>
        <source>in: import without asking (after the checks pass); without it the command asks on the terminal, and imports nothing when there is none.</source>
        <translation>in: nhận mà không hỏi lại (sau khi mọi kiểm tra đạt); không có tuỳ chọn này thì lệnh hỏi trên màn hình dòng lệnh, và không nhận gì khi không có màn hình để hỏi.</translation>
    </message>
    <message>
        <source>in: also start the pupil&apos;s latest school year here, in this class.</source>
        <translation>in: đồng thời tạo năm học mới nhất của học sinh ở trường này, trong lớp này.</translation>
    </message>
    <message>
        <source>out: the folder the package is written to.</source>
        <translation>out: thư mục ghi gói hồ sơ.</translation>
    </message>
    <message>
        <source>Say &quot;transfer out --student CODE --to-school CODE --out DIR …&quot; or &quot;transfer in --file PKG&quot;.</source>
        <translation>Hãy ghi &quot;transfer out --student MÃ --to-school MÃ --out THƯ_MỤC …&quot; hoặc &quot;transfer in --file GÓI&quot;.</translation>
    </message>
    <message>
        <source>Give --student CODE and --to-school CODE.</source>
        <translation>Hãy ghi --student MÃ và --to-school MÃ.</translation>
    </message>
    <message>
        <source>--date must be a date as dd/MM/yyyy or yyyy-MM-dd.</source>
        <translation>--date phải là ngày dạng dd/MM/yyyy hoặc yyyy-MM-dd.</translation>
    </message>
    <message>
        <source>Give the package with --file PKG.</source>
        <translation>Hãy chỉ gói hồ sơ bằng --file GÓI.</translation>
    </message>
    <message>
        <source>current</source>
        <translation>đang hiệu lực</translation>
    </message>
    <message>
        <source>replaced by a later version</source>
        <translation>đã được phiên bản sau thay thế</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>đã thu hồi</translation>
    </message>
    <message>
        <source>%1-%2, grade %3, version %4 (%5), signed by %6</source>
        <translation>%1-%2, lớp %3, phiên bản %4 (%5), do %6 ký</translation>
    </message>
    <message>
        <source>Transfer package written: %1</source>
        <translation>Đã ghi gói hồ sơ chuyển trường: %1</translation>
    </message>
    <message>
        <source>Lookup code %1; %2 signed versions:</source>
        <translation>Mã tra cứu %1; %2 phiên bản đã ký:</translation>
    </message>
    <message>
        <source>The record is now marked &quot;transferred away&quot;: read-only in this school file. The transfer statement waits in the outbox: &quot;hocba-cli upload&quot; reports it to the Department. Give the package to the new school.</source>
        <translation>Học bạ nay được đánh dấu &quot;chuyển đi&quot;: chỉ đọc trong tệp dữ liệu của trường. Giấy chuyển trường đang chờ trong hàng gửi: lệnh &quot;hocba-cli upload&quot; sẽ báo lên Sở. Hãy đưa gói hồ sơ cho trường mới.</translation>
    </message>
    <message>
        <source>Student: %1, born %2</source>
        <translation>Học sinh: %1, sinh ngày %2</translation>
    </message>
    <message>
        <source>, MOET code %1</source>
        <translation>, mã của Bộ %1</translation>
    </message>
    <message>
        <source>Lookup code: %1</source>
        <translation>Mã tra cứu: %1</translation>
    </message>
    <message>
        <source>From: %1 (%2), transfer date %3, statement signed %4</source>
        <translation>Trường cũ: %1 (%2), ngày chuyển %3, giấy chuyển trường ký lúc %4</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Lý do: %1</translation>
    </message>
    <message>
        <source>%1 signed versions:</source>
        <translation>%1 phiên bản đã ký:</translation>
    </message>
    <message>
        <source> — REFUSED</source>
        <translation> — BỊ TỪ CHỐI</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>Lỗi: %1</translation>
    </message>
    <message>
        <source>Import this record into the school file? Type &quot;yes&quot; to import: </source>
        <translation>Nhận học bạ này vào tệp dữ liệu của trường? Gõ &quot;có&quot; để nhận: </translation>
    </message>
    <message>
        <source>The transfer package was refused; nothing was written. The problems are listed above.</source>
        <translation>Gói hồ sơ chuyển trường bị từ chối; không ghi gì cả. Các lỗi được liệt kê ở trên.</translation>
    </message>
    <message>
        <source>Nothing was imported: confirm on a terminal, or run the same command with --yes once you have checked what arrives.</source>
        <translation>Chưa nhận gì: hãy xác nhận trên màn hình dòng lệnh, hoặc chạy lại đúng lệnh này với --yes sau khi đã kiểm tra những gì sẽ nhận.</translation>
    </message>
    <message>
        <source>Imported: the record %1 with %2 signed versions, kept as received (read-only). Add the following school years here.</source>
        <translation>Đã nhận: học bạ %1 với %2 phiên bản đã ký, lưu nguyên như đã nhận (chỉ đọc). Các năm học tiếp theo làm ở trường này.</translation>
    </message>
</context>
<context>
    <name>hocba::cli::TrustCommand</name>
    <message>
        <source>Manage the school&apos;s trust anchors (root certificates of certification service providers): &quot;trust add --cert FILE&quot;, &quot;trust list&quot;.</source>
        <translation>Quản lý gốc tin cậy của trường (chứng thư gốc của nhà cung cấp dịch vụ chứng thực): &quot;trust add --cert TỆP&quot;, &quot;trust list&quot;.</translation>
    </message>
    <message>
        <source>CA certificate to trust (PEM or DER).</source>
        <translation>Chứng thư số của tổ chức chứng thực cần tin cậy (PEM hoặc DER).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>Say &quot;trust add --cert FILE&quot; or &quot;trust list&quot;.</source>
        <translation>Hãy dùng &quot;trust add --cert TỆP&quot; hoặc &quot;trust list&quot;.</translation>
    </message>
    <message>
        <source>--cert FILE is required.</source>
        <translation>Cần có --cert TỆP.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>Không đọc được %1.</translation>
    </message>
    <message>
        <source>Trust anchor added: %1</source>
        <translation>Đã thêm gốc tin cậy: %1</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256: %1</translation>
    </message>
    <message>
        <source>No trust anchors yet. Add the root certificate of your certification service provider with &quot;hocba-cli trust add --db FILE --cert ROOT.pem&quot;.</source>
        <translation>Chưa có gốc tin cậy nào. Hãy thêm chứng thư gốc của nhà cung cấp dịch vụ chứng thực bằng &quot;hocba-cli trust add --db TỆP --cert GOC.pem&quot;.</translation>
    </message>
    <message>
        <source>[built-in]</source>
        <translation>[có sẵn]</translation>
    </message>
    <message>
        <source>[school]</source>
        <translation>[của trường]</translation>
    </message>
    <message>
        <source>valid %1 to %2, SHA-256 %3</source>
        <translation>hiệu lực từ %1 đến %2, SHA-256 %3</translation>
    </message>
    <message>
        <source>added %1 by %2</source>
        <translation>thêm lúc %1 bởi %2</translation>
    </message>
</context>
<context>
    <name>hocba::cli::TsaCommand</name>
    <message>
        <source>The time-stamping server that dates every signature: &quot;tsa set --url URL --trust ROOT.pem [--allow-without]&quot;, &quot;tsa show&quot;, &quot;tsa clear&quot;.</source>
        <translation>Máy chủ cấp dấu thời gian cho mọi chữ ký: &quot;tsa set --url URL --trust ROOT.pem [--allow-without]&quot;, &quot;tsa show&quot;, &quot;tsa clear&quot;.</translation>
    </message>
    <message>
        <source>The time-stamping server&apos;s address, as the certification service provider gives it, e.g. http://tsa.ca.example.vn.</source>
        <translation>Địa chỉ máy chủ cấp dấu thời gian do nhà cung cấp dịch vụ chứng thực cho, ví dụ http://tsa.ca.example.vn.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The root certificate of the time-stamping server (PEM or DER).</source>
        <translation>Chứng thư gốc của máy chủ cấp dấu thời gian (PEM hoặc DER).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>When the server does not answer, sign without a time-stamp instead of stopping the batch (the signing time is then only what the computer claims).</source>
        <translation>Khi máy chủ không trả lời, vẫn ký mà không có dấu thời gian thay vì dừng lượt ký (khi đó thời điểm ký chỉ là giờ do máy tính tự ghi).</translation>
    </message>
    <message>
        <source>Say &quot;tsa set&quot;, &quot;tsa show&quot; or &quot;tsa clear&quot;.</source>
        <translation>Hãy dùng &quot;tsa set&quot;, &quot;tsa show&quot; hoặc &quot;tsa clear&quot;.</translation>
    </message>
    <message>
        <source>--url URL and --trust FILE are required.</source>
        <translation>Cần có --url URL và --trust TỆP.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>Không đọc được %1.</translation>
    </message>
    <message>
        <source>No time-stamping server is set: signatures carry only the time the signer&apos;s computer claims (level B).</source>
        <translation>Chưa đặt máy chủ cấp dấu thời gian: chữ ký chỉ mang giờ do máy tính của người ký tự ghi (mức B).</translation>
    </message>
    <message>
        <source>Time-stamping server: %1</source>
        <translation>Máy chủ cấp dấu thời gian: %1</translation>
    </message>
    <message>
        <source>Its root certificate: %1 (SHA-256 %2), valid until %3</source>
        <translation>Chứng thư gốc của máy chủ: %1 (SHA-256 %2), hiệu lực đến %3</translation>
    </message>
    <message>
        <source>When it does not answer: sign without a time-stamp (level B).</source>
        <translation>Khi máy chủ không trả lời: ký không có dấu thời gian (mức B).</translation>
    </message>
    <message>
        <source>When it does not answer: the signing stops, and can be resumed later.</source>
        <translation>Khi máy chủ không trả lời: dừng ký, có thể ký tiếp sau.</translation>
    </message>
</context>
<context>
    <name>hocba::cli::UnlockCommand</name>
    <message>
        <source>The board lifts a lock on entry; the reason is kept in the audit log with the lock.</source>
        <translation>Ban giám hiệu mở khoá nhập liệu; lý do được lưu trong nhật ký kiểm tra cùng với khoá.</translation>
    </message>
    <message>
        <source>The lock&apos;s number (hocba-cli locks lists them).</source>
        <translation>Số hiệu của khoá (hocba-cli locks liệt kê các khoá).</translation>
    </message>
    <message>
        <source>Why the lock is lifted.</source>
        <translation>Lý do mở khoá.</translation>
    </message>
    <message>
        <source>Name the lock with --id N.</source>
        <translation>Hãy nêu khoá bằng --id N.</translation>
    </message>
    <message>
        <source>Give the reason with --reason TEXT.</source>
        <translation>Hãy ghi lý do bằng --reason NỘI_DUNG.</translation>
    </message>
    <message>
        <source>Lock %1 lifted.</source>
        <translation>Đã mở khoá %1.</translation>
    </message>
</context>
<context>
    <name>hocba::cli::UploadCommand</name>
    <message>
        <source>Send the signed records waiting in the outbox to the Department (&quot;upload --db F [--class C | --all]&quot;), or one exported record (&quot;upload --url URL --credential-file F --packet X.xml --pdf Y.pdf&quot;).</source>
        <translation>Gửi các học bạ đã ký đang chờ trong hộp thư đi lên Sở (&quot;upload --db F [--class C | --all]&quot;), hoặc một học bạ đã xuất ra tệp (&quot;upload --url URL --credential-file F --packet X.xml --pdf Y.pdf&quot;).</translation>
    </message>
    <message>
        <source>Only the records of this class, e.g. 6A1.</source>
        <translation>Chỉ các học bạ của lớp này, ví dụ 6A1.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>TÊN</translation>
    </message>
    <message>
        <source>Every record waiting in the outbox (the default).</source>
        <translation>Mọi học bạ đang chờ trong hộp thư đi (mặc định).</translation>
    </message>
    <message>
        <source>The Department&apos;s server (without --db).</source>
        <translation>Máy chủ của Sở (khi không dùng --db).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The school&apos;s credential file (without --db).</source>
        <translation>Tệp mã xác thực của trường (khi không dùng --db).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>The signed packet to send (without --db).</source>
        <translation>Gói dữ liệu đã ký cần gửi (khi không dùng --db).</translation>
    </message>
    <message>
        <source>The signed PDF of that packet (without --db).</source>
        <translation>Tệp PDF đã ký của gói đó (khi không dùng --db).</translation>
    </message>
    <message>
        <source>The Department&apos;s certificate to check the receipt with (without --db).</source>
        <translation>Chứng thư của Sở để kiểm tra biên nhận (khi không dùng --db).</translation>
    </message>
    <message>
        <source>How often to try each record when the server does not answer or is busy, waiting longer each time (1 to 10, default 4).</source>
        <translation>Số lần thử gửi mỗi học bạ khi máy chủ không trả lời hoặc đang bận, mỗi lần chờ lâu hơn (từ 1 đến 10, mặc định 4).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>SỐ</translation>
    </message>
    <message>
        <source>--tries takes a number from 1 to 10.</source>
        <translation>--tries nhận một số từ 1 đến 10.</translation>
    </message>
    <message>
        <source>Give either --db (the outbox) or --url with --packet and --pdf (one exported record), not both.</source>
        <translation>Chỉ dùng --db (hộp thư đi) hoặc --url cùng --packet và --pdf (một học bạ đã xuất), không dùng cả hai.</translation>
    </message>
    <message>
        <source>Give --db FILE, or --url URL --credential-file FILE --packet FILE --pdf FILE.</source>
        <translation>Hãy dùng --db TỆP, hoặc --url URL --credential-file TỆP --packet TỆP --pdf TỆP.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>Không đọc được %1.</translation>
    </message>
    <message>
        <source>Nothing is waiting to be sent.</source>
        <translation>Không có học bạ nào chờ gửi.</translation>
    </message>
    <message>
        <source>%1 sent, %2 refused by the Department, %3 not sent (no answer; try again later).</source>
        <translation>%1 đã gửi, %2 bị Sở từ chối, %3 chưa gửi được (không có trả lời; hãy thử lại sau).</translation>
    </message>
</context>
<context>
    <name>hocba::cli::UserCommand</name>
    <message>
        <source>Cannot open the password file %1.</source>
        <translation>Không mở được tệp mật khẩu %1.</translation>
    </message>
    <message>
        <source>The password file %1 must be a regular file only you can read: chmod 600 %1</source>
        <translation>Tệp mật khẩu %1 phải là tệp thường chỉ bạn đọc được: chmod 600 %1</translation>
    </message>
    <message>
        <source>The password file %1 is longer than %2 bytes. It must hold only the password.</source>
        <translation>Tệp mật khẩu %1 dài hơn %2 byte. Tệp chỉ được chứa mật khẩu.</translation>
    </message>
    <message>
        <source>Password entry was cancelled.</source>
        <translation>Đã huỷ nhập mật khẩu.</translation>
    </message>
    <message>
        <source>A password is needed but there is no terminal to ask for it. Use --password-file or HOCBA_PASSWORD.</source>
        <translation>Cần mật khẩu nhưng không có cửa sổ dòng lệnh để hỏi. Hãy dùng --password-file hoặc HOCBA_PASSWORD.</translation>
    </message>
    <message>
        <source>New password for %1</source>
        <translation>Mật khẩu mới cho %1</translation>
    </message>
    <message>
        <source>Manage the school&apos;s local accounts: &quot;user add&quot;, &quot;user list&quot;, &quot;user passwd&quot;, &quot;user disable&quot;.</source>
        <translation>Quản lý tài khoản của trường: &quot;user add&quot;, &quot;user list&quot;, &quot;user passwd&quot;, &quot;user disable&quot;.</translation>
    </message>
    <message>
        <source>The account&apos;s login (3-32 of a-z 0-9 . _ -).</source>
        <translation>Tên đăng nhập của tài khoản (3-32 ký tự a-z 0-9 . _ -).</translation>
    </message>
    <message>
        <source>LOGIN</source>
        <translation>TÊN_ĐĂNG_NHẬP</translation>
    </message>
    <message>
        <source>The account holder&apos;s full name.</source>
        <translation>Họ tên người dùng tài khoản.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>TÊN</translation>
    </message>
    <message>
        <source>admin, principal, homeroom, subject or clerk.</source>
        <translation>admin (quản trị), principal (hiệu trưởng), homeroom (giáo viên chủ nhiệm), subject (giáo viên bộ môn) hoặc clerk (văn thư).</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>VAI_TRÒ</translation>
    </message>
    <message>
        <source>Read the password from FILE (mode 600). Otherwise HOCBA_PASSWORD, or a prompt on a terminal.</source>
        <translation>Đọc mật khẩu từ TỆP (quyền 600). Nếu không có thì dùng HOCBA_PASSWORD, hoặc hỏi trên cửa sổ dòng lệnh.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>Say &quot;user add&quot;, &quot;user list&quot;, &quot;user passwd&quot; or &quot;user disable&quot;.</source>
        <translation>Hãy dùng &quot;user add&quot;, &quot;user list&quot;, &quot;user passwd&quot; hoặc &quot;user disable&quot;.</translation>
    </message>
    <message>
        <source>--login LOGIN is required.</source>
        <translation>Cần có tuỳ chọn --login TÊN_ĐĂNG_NHẬP.</translation>
    </message>
    <message>
        <source>Account %1 disabled.</source>
        <translation>Đã vô hiệu hoá tài khoản %1.</translation>
    </message>
    <message>
        <source>--role must be admin, principal, homeroom, subject or clerk.</source>
        <translation>--role phải là admin, principal, homeroom, subject hoặc clerk.</translation>
    </message>
    <message>
        <source>--name NAME is required.</source>
        <translation>Cần có tuỳ chọn --name TÊN.</translation>
    </message>
    <message>
        <source>Password of %1 changed.</source>
        <translation>Đã đổi mật khẩu của %1.</translation>
    </message>
    <message>
        <source>Account %1 added.</source>
        <translation>Đã thêm tài khoản %1.</translation>
    </message>
    <message>
        <source>[disabled]</source>
        <translation>[đã vô hiệu hoá]</translation>
    </message>
    <message>
        <source>[locked until %1 UTC]</source>
        <translation>[bị khoá đến %1 UTC]</translation>
    </message>
    <message>
        <source>No accounts yet. Add one with &quot;hocba-cli user add&quot;.</source>
        <translation>Chưa có tài khoản nào. Hãy thêm bằng &quot;hocba-cli user add&quot;.</translation>
    </message>
    <message>
        <source>Password of %1</source>
        <translation>Mật khẩu của %1</translation>
    </message>
</context>
<context>
    <name>hocba::cli::VerifyCommand</name>
    <message>
        <source>Check signed packets and PDFs: integrity, signers, certificates at signing time, changes after signing, and the packet inside a PDF (exit 0 only when every file is valid and trusted).</source>
        <translation>Kiểm tra gói dữ liệu và tệp PDF đã ký: tính toàn vẹn, người ký, chứng thư số tại thời điểm ký, thay đổi sau khi ký và gói dữ liệu trong PDF (mã thoát 0 chỉ khi mọi tệp đều hợp lệ và được tin cậy).</translation>
    </message>
    <message>
        <source>A trusted root certificate (PEM or DER); repeatable.</source>
        <translation>Chứng thư số gốc được tin cậy (PEM hoặc DER); có thể lặp lại.</translation>
    </message>
    <message>
        <source>PEM</source>
        <translation>PEM</translation>
    </message>
    <message>
        <source>Also trust the school&apos;s trust anchors in this data file.</source>
        <translation>Tin cậy thêm các chứng thư gốc của trường trong tệp dữ liệu này.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>FILE...</source>
        <translation>TỆP...</translation>
    </message>
    <message>
        <source>Name at least one packet or PDF file.</source>
        <translation>Hãy nêu ít nhất một tệp gói dữ liệu hoặc PDF.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>Không đọc được %1.</translation>
    </message>
    <message>
        <source>INVALID</source>
        <translation>KHÔNG HỢP LỆ</translation>
    </message>
    <message>
        <source>VALID</source>
        <translation>HỢP LỆ</translation>
    </message>
    <message>
        <source>Packet inside the PDF:</source>
        <translation>Gói dữ liệu trong PDF:</translation>
    </message>
    <message>
        <source>%1 of %2 files valid and trusted.</source>
        <translation>%1 trên %2 tệp hợp lệ và được tin cậy.</translation>
    </message>
    <message>
        <source>Visible signature: %1, %2, signed %3 (Vietnam time), certificate issued by %4</source>
        <translation>Chữ ký hiển thị: %1, %2, ký lúc %3 (giờ Việt Nam), chứng thư số do %4 cấp</translation>
    </message>
</context>
<context>
    <name>hocba::cli::VersionsCommand</name>
    <message>
        <source>Show every version of a student&apos;s school year.</source>
        <translation>Xem mọi phiên bản của một năm học của học sinh.</translation>
    </message>
    <message>
        <source>Version %1 (section %2): %3</source>
        <translation>Phiên bản %1 (số %2): %3</translation>
    </message>
    <message>
        <source>, reopened: %1</source>
        <translation>, mở lại vì: %1</translation>
    </message>
    <message>
        <source>, revoked: %1</source>
        <translation>, thu hồi vì: %1</translation>
    </message>
</context>
<context>
    <name>hocba::cli::YearCommand</name>
    <message>
        <source>YEAR</source>
        <translation>NĂM</translation>
    </message>
    <message>
        <source>Open the year as previewed (without it nothing is written).</source>
        <translation>Mở năm học đúng như bản xem trước (không có tùy chọn này thì không ghi gì).</translation>
    </message>
    <message>
        <source>--year must look like 2026-2027.</source>
        <translation>--year phải có dạng 2026-2027.</translation>
    </message>
    <message>
        <source>School year %1 from %2: %3 promoted, %4 retained, %5 leaving (their records are closed), %6 classes to create.</source>
        <translation>Năm học %1 từ năm học %2: %3 học sinh lên lớp, %4 ở lại lớp, %5 rời trường (đóng học bạ), %6 lớp sẽ được tạo.</translation>
    </message>
    <message>
        <source>%1: %2 promoted to %3, %4 retained, %5 leaving.</source>
        <translation>%1: %2 lên lớp %3, %4 ở lại lớp, %5 rời trường.</translation>
    </message>
    <message>
        <source>%1: %2 retained, %3 leaving.</source>
        <translation>%1: %2 ở lại lớp, %3 rời trường.</translation>
    </message>
    <message>
        <source>New classes: %1.</source>
        <translation>Lớp mới: %1.</translation>
    </message>
    <message>
        <source>To fix before the year can be opened (%1):</source>
        <translation>Cần xử lý trước khi mở năm học (%1):</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>… and %1 more (--json lists them all).</source>
        <translation>… và %1 vấn đề khác (--json liệt kê đầy đủ).</translation>
    </message>
    <message>
        <source>The school year %1 is open.</source>
        <translation>Đã mở năm học %1.</translation>
    </message>
    <message>
        <source>Preview only: nothing was written. To open the year, run the same command with --yes.</source>
        <translation>Chỉ xem trước: chưa ghi gì. Để mở năm học, chạy lại đúng lệnh này với --yes.</translation>
    </message>
    <message>
        <source>Nothing was written. Fix the problems above, then run the command again.</source>
        <translation>Chưa ghi gì. Hãy xử lý các vấn đề trên rồi chạy lại lệnh.</translation>
    </message>
    <message>
        <source>Open the next school year from the last one: &quot;year open --year 2026-2027&quot; previews the moves, --yes makes them. &quot;year principal --year 2024-2025 --name NAME&quot; records that year&apos;s principal.</source>
        <translation>Mở năm học mới từ năm học vừa qua: &quot;year open --year 2026-2027&quot; cho xem trước việc chuyển lớp, thêm --yes để thực hiện. &quot;year principal --year 2024-2025 --name TÊN&quot; ghi hiệu trưởng của năm học đó.</translation>
    </message>
    <message>
        <source>The school year to open (open) or whose principal (principal), e.g. 2026-2027.</source>
        <translation>Năm học cần mở (open) hoặc năm học có hiệu trưởng cần ghi (principal), ví dụ 2026-2027.</translation>
    </message>
    <message>
        <source>year principal: the full name of that year&apos;s principal (without it, the recorded name is shown).</source>
        <translation>year principal: họ và tên hiệu trưởng của năm học đó (không có tùy chọn này thì hiện tên đã ghi).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>TÊN</translation>
    </message>
    <message>
        <source>Say &quot;year open --year 2026-2027&quot; or &quot;year principal --year 2024-2025 --name NAME&quot;.</source>
        <translation>Hãy gõ &quot;year open --year 2026-2027&quot; hoặc &quot;year principal --year 2024-2025 --name TÊN&quot;.</translation>
    </message>
    <message>
        <source>The school year %1 is not open in this file.</source>
        <translation>Năm học %1 chưa được mở trong tệp dữ liệu này.</translation>
    </message>
    <message>
        <source>No principal is recorded for %1.</source>
        <translation>Chưa ghi hiệu trưởng của năm học %1.</translation>
    </message>
    <message>
        <source>The principal of %1: %2.</source>
        <translation>Hiệu trưởng năm học %1: %2.</translation>
    </message>
</context>
<context>
    <name>hocba::cmdline::Command</name>
    <message>
        <source>Error: %1</source>
        <translation>Lỗi: %1</translation>
    </message>
    <message>
        <source>Usage: %1 %2 [options]</source>
        <translation>Cách dùng: %1 %2 [tuỳ chọn]</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Hiện hướng dẫn này.</translation>
    </message>
    <message>
        <source>Run &quot;%1 %2 --help&quot; for the options.</source>
        <translation>Chạy &quot;%1 %2 --help&quot; để xem các tuỳ chọn.</translation>
    </message>
    <message>
        <source>Options:</source>
        <translation>Tuỳ chọn:</translation>
    </message>
    <message>
        <source>Print the output as JSON.</source>
        <translation>In kết quả dạng JSON.</translation>
    </message>
    <message>
        <source>Usage: %1 &lt;command&gt; [options]</source>
        <translation>Cách dùng: %1 &lt;lệnh&gt; [tuỳ chọn]</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>Các lệnh:</translation>
    </message>
    <message>
        <source>Run &quot;%1 &lt;command&gt; --help&quot; for the options of a command.</source>
        <translation>Chạy &quot;%1 &lt;lệnh&gt; --help&quot; để xem các tuỳ chọn của một lệnh.</translation>
    </message>
    <message>
        <source>Error: unknown command &quot;%1&quot;.</source>
        <translation>Lỗi: không có lệnh &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>hocba::demo::DemoSchool</name>
    <message>
        <source>Creating the demo school was cancelled.</source>
        <translation>Đã huỷ việc tạo trường mẫu.</translation>
    </message>
    <message>
        <source>%1 already exists; the demo school is only made in a new file.</source>
        <translation>%1 đã tồn tại; trường mẫu chỉ được tạo trong một tệp mới.</translation>
    </message>
    <message>
        <source>The number of students must be between 1 and 20000.</source>
        <translation>Số học sinh phải từ 1 đến 20000.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Không tạo được thư mục %1.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Không ghi được %1.</translation>
    </message>
</context>
<context>
    <name>hocba::dept</name>
    <message>
        <source>The Department&apos;s key or certificate could not be made or read. Tell the Department&apos;s IT staff.</source>
        <translation>Không tạo hoặc đọc được khóa hay chứng thư của Sở. Hãy báo cho cán bộ công nghệ thông tin của Sở.</translation>
    </message>
    <message>
        <source>%1 could not be written. Check that the folder is writable and the disk is not full.</source>
        <translation>Không ghi được %1. Hãy kiểm tra thư mục cho phép ghi và ổ đĩa chưa đầy.</translation>
    </message>
    <message>
        <source>%1 cannot be read. Check that the program may read the data folder.</source>
        <translation>Không đọc được %1. Hãy kiểm tra chương trình có quyền đọc thư mục dữ liệu.</translation>
    </message>
    <message>
        <source>The program&apos;s database scripts are missing.</source>
        <translation>Thiếu các tệp lệnh cơ sở dữ liệu của chương trình.</translation>
    </message>
    <message>
        <source>The Department&apos;s database was made by a newer version of hocba-dept. Install that version or newer.</source>
        <translation>Cơ sở dữ liệu của Sở được tạo bởi phiên bản hocba-dept mới hơn. Hãy cài phiên bản đó hoặc mới hơn.</translation>
    </message>
    <message>
        <source>The Department&apos;s database could not be brought up to date; nothing was changed.</source>
        <translation>Không cập nhật được cấu trúc cơ sở dữ liệu của Sở; chưa có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>The PostgreSQL database address cannot be read. Write it as postgresql://user@host/database or as host=… dbname=…</source>
        <translation>Không đọc được địa chỉ cơ sở dữ liệu PostgreSQL. Hãy viết theo dạng postgresql://user@host/database hoặc host=… dbname=…</translation>
    </message>
</context>
<context>
    <name>hocba::dept::DataFolder</name>
    <message>
        <source>Give the Department&apos;s name, on one line: it is written into the certificate that schools keep.</source>
        <translation>Hãy nhập tên Sở trên một dòng: tên này được ghi vào chứng thư mà các trường lưu giữ.</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder. Give a new or empty folder for the Department&apos;s data.</source>
        <translation>%1 là một tệp, không phải thư mục. Hãy chỉ một thư mục mới hoặc trống cho dữ liệu của Sở.</translation>
    </message>
    <message>
        <source>%1 already holds a Department&apos;s data. Its key is never replaced: schools have pinned its certificate. Use this folder as it is, or give a new, empty folder.</source>
        <translation>%1 đã chứa dữ liệu của một Sở. Khóa của Sở không bao giờ được thay: các trường đã cài chứng thư của Sở. Hãy dùng thư mục này như hiện có, hoặc chỉ một thư mục mới, trống.</translation>
    </message>
    <message>
        <source>The folder %1 could not be made. Check that the program may write there.</source>
        <translation>Không tạo được thư mục %1. Hãy kiểm tra chương trình có quyền ghi vào đó.</translation>
    </message>
    <message>
        <source>%1 is not a Department data folder. Make one first with: hocba-dept init --data %1</source>
        <translation>%1 không phải là thư mục dữ liệu của Sở. Hãy tạo trước bằng lệnh: hocba-dept init --data %1</translation>
    </message>
    <message>
        <source>%1 does not name the Department. Write the line name=… (the Department&apos;s name) into it.</source>
        <translation>%1 không ghi tên Sở. Hãy thêm dòng name=… (tên Sở) vào tệp.</translation>
    </message>
</context>
<context>
    <name>hocba::dept::DeptApi</name>
    <message>
        <source>The Department&apos;s server could not complete the request. Try again in a few minutes.</source>
        <translation>Máy chủ của Sở chưa xử lý được yêu cầu. Hãy thử lại sau vài phút.</translation>
    </message>
    <message>
        <source>The Department is not accepting records of this school year now: the deadline has passed or the reporting period is not open.</source>
        <translation>Sở hiện không nhận học bạ của năm học này: đã quá hạn nộp hoặc chưa đến đợt nộp.</translation>
    </message>
    <message>
        <source>No school record has this lookup code.</source>
        <translation>Không tìm thấy học bạ với mã tra cứu này.</translation>
    </message>
    <message>
        <source>The Department already has this version of the record or a newer one. Sign a correction (a new version) to replace it.</source>
        <translation>Sở đã có phiên bản này của học bạ hoặc một phiên bản mới hơn. Hãy ký bản điều chỉnh (phiên bản mới) để thay thế.</translation>
    </message>
    <message>
        <source>The record is locked at the Department and can no longer be changed.</source>
        <translation>Học bạ đã được Sở khoá và không thể thay đổi nữa.</translation>
    </message>
    <message>
        <source>This lookup code belongs to a record of another school.</source>
        <translation>Mã tra cứu này thuộc học bạ của trường khác.</translation>
    </message>
    <message>
        <source>The request is not the JSON the Department expects ({&quot;packet&quot;: …, &quot;pdf&quot;: …}). Update the program.</source>
        <translation>Yêu cầu gửi lên không đúng dạng JSON mà Sở cần ({&quot;packet&quot;: …, &quot;pdf&quot;: …}). Hãy cập nhật phần mềm.</translation>
    </message>
    <message>
        <source>The %1 in the request is not valid base64. Update the program.</source>
        <translation>Trường %1 trong yêu cầu không phải dữ liệu base64 hợp lệ. Hãy cập nhật phần mềm.</translation>
    </message>
    <message>
        <source>The record was not accepted: %1</source>
        <translation>Học bạ không được tiếp nhận: %1</translation>
    </message>
    <message>
        <source>The record was not accepted: the file sent as the PDF is not a PDF.</source>
        <translation>Học bạ không được tiếp nhận: tệp gửi làm bản PDF không phải là tệp PDF.</translation>
    </message>
    <message>
        <source>The record was not accepted: it is signed with a certificate from a certification authority the Department does not trust. %1</source>
        <translation>Học bạ không được tiếp nhận: học bạ được ký bằng chứng thư số của một tổ chức chứng thực mà Sở không tin cậy. %1</translation>
    </message>
    <message>
        <source>The school&apos;s credential for the Department is missing, wrong or revoked. Ask the Department for a new credential file.</source>
        <translation>Thiếu khoá truy cập của trường, khoá không đúng hoặc đã bị thu hồi. Hãy đề nghị Sở cấp tệp khoá truy cập mới.</translation>
    </message>
    <message>
        <source>The Department&apos;s server has no such address. Check the Department&apos;s address in the settings.</source>
        <translation>Máy chủ của Sở không có địa chỉ này. Hãy kiểm tra địa chỉ máy chủ của Sở trong phần cài đặt.</translation>
    </message>
    <message>
        <source>The school is sending too many records at once. The program tries again by itself in a moment.</source>
        <translation>Trường đang gửi quá nhiều học bạ cùng lúc. Phần mềm sẽ tự gửi lại sau ít phút.</translation>
    </message>
    <message>
        <source>The request is not sent as JSON. Update the program.</source>
        <translation>Yêu cầu không được gửi dưới dạng JSON. Hãy cập nhật phần mềm.</translation>
    </message>
    <message>
        <source>The record is larger than the Department accepts (%1 KiB).</source>
        <translation>Học bạ lớn hơn dung lượng Sở tiếp nhận (%1 KiB).</translation>
    </message>
    <message>
        <source>The record was not accepted: the PDF carries a different packet from the one sent with it.</source>
        <translation>Học bạ không được tiếp nhận: tệp PDF chứa gói dữ liệu khác với gói được gửi kèm.</translation>
    </message>
    <message>
        <source>The record was not accepted: it is not signed by the principal.</source>
        <translation>Học bạ không được tiếp nhận: học bạ chưa có chữ ký của hiệu trưởng.</translation>
    </message>
    <message>
        <source>The record was issued by another school (school code %1); this credential is for school %2.</source>
        <translation>Học bạ do trường khác cấp (mã trường %1); khoá truy cập này là của trường %2.</translation>
    </message>
    <message>
        <source>At most %1 lookup codes can be asked about at once.</source>
        <translation>Mỗi lần chỉ hỏi được tối đa %1 mã tra cứu.</translation>
    </message>
    <message>
        <source>A lookup code in the request is not 32 characters 0-9, a-f.</source>
        <translation>Có mã tra cứu trong yêu cầu không gồm đúng 32 ký tự 0-9, a-f.</translation>
    </message>
    <message>
        <source>The number of receipts asked for must be from 1 to %1.</source>
        <translation>Số biên nhận yêu cầu phải từ 1 đến %1.</translation>
    </message>
    <message>
        <source>Too many lookups from this address. Wait a moment and try again.</source>
        <translation>Có quá nhiều lượt tra cứu từ địa chỉ này. Hãy đợi một lát rồi thử lại.</translation>
    </message>
    <message>
        <source>A lookup code has 32 characters: the digits 0-9 and the letters a-f. Check the code printed under the QR code of the paper copy.</source>
        <translation>Mã tra cứu gồm 32 ký tự: các chữ số 0-9 và các chữ cái a-f. Hãy kiểm tra mã in dưới mã QR trên bản giấy.</translation>
    </message>
    <message>
        <source>The school year is given by the year it starts in, for example year=2025 for 2025-2026.</source>
        <translation>Năm học được ghi bằng năm bắt đầu, ví dụ year=2025 cho năm học 2025-2026.</translation>
    </message>
    <message>
        <source>The Department has no such record of this school year, or the receiving school is not registered here.</source>
        <translation>Sở không có học bạ này của năm học đó, hoặc trường nhận học sinh chưa được đăng ký với Sở.</translation>
    </message>
    <message>
        <source>The request is not for the version the Department has now (it was replaced or revoked already).</source>
        <translation>Yêu cầu không dành cho phiên bản Sở đang lưu (phiên bản đó đã được thay thế hoặc đã bị thu hồi).</translation>
    </message>
    <message>
        <source>The request is not signed by a principal who has signed this school&apos;s records sent to the Department.</source>
        <translation>Yêu cầu không được ký bởi hiệu trưởng đã ký các học bạ của trường gửi lên Sở.</translation>
    </message>
    <message>
        <source>The request is signed with a certificate that does not chain to a certification authority the Department trusts.</source>
        <translation>Yêu cầu được ký bằng chứng thư số không thuộc tổ chức chứng thực nào mà Sở tin cậy.</translation>
    </message>
    <message>
        <source>The request was not accepted: %1</source>
        <translation>Yêu cầu không được chấp nhận: %1</translation>
    </message>
    <message>
        <source>The request is not the JSON the Department expects ({&quot;%1&quot;: …}). Update the program.</source>
        <translation>Yêu cầu gửi lên không đúng dạng JSON mà Sở cần ({&quot;%1&quot;: …}). Hãy cập nhật phần mềm.</translation>
    </message>
    <message>
        <source>The request is for another lookup code than its address.</source>
        <translation>Yêu cầu ghi một mã tra cứu khác với mã trong địa chỉ gửi đến.</translation>
    </message>
    <message>
        <source>The request names another school (school code %1); this credential is for school %2.</source>
        <translation>Yêu cầu ghi tên một trường khác (mã trường %1); mã xác thực này là của trường %2.</translation>
    </message>
    <message>
        <source>The link&apos;s school year (nam), version (v) or check code (h) is not as the QR code of a paper copy gives them.</source>
        <translation>Năm học (nam), phiên bản (v) hoặc mã kiểm tra (h) trong đường dẫn không đúng dạng mã QR trên bản giấy.</translation>
    </message>
    <message>
        <source>A version sent with the transfer statement is not one the statement lists, or is sent twice.</source>
        <translation>Một phiên bản gửi kèm giấy chuyển trường không có trong danh sách của giấy, hoặc bị gửi hai lần.</translation>
    </message>
    <message>
        <source>The record was not accepted: the Department requires every signature (of the PDF and of the data inside it) to carry a time-stamp from a time-stamping server the Department trusts, and this record has a signature without one.</source>
        <translation>Học bạ không được nhận: Sở yêu cầu mọi chữ ký (của tệp PDF và của dữ liệu bên trong) phải có dấu thời gian từ một máy chủ cấp dấu thời gian được Sở tin cậy, mà học bạ này có chữ ký không có dấu thời gian.</translation>
    </message>
    <message>
        <source>The record was not accepted: the Department requires every signature (of the PDF and of the data inside it) to carry a time-stamp from a time-stamping server the Department trusts and the certificate&apos;s revocation status checked when it was signed, and this record has a signature without them.</source>
        <translation>Học bạ không được nhận: Sở yêu cầu mọi chữ ký (của tệp PDF và của dữ liệu bên trong) phải có dấu thời gian từ một máy chủ cấp dấu thời gian được Sở tin cậy và tình trạng thu hồi của chứng thư được kiểm tra lúc ký, mà học bạ này có chữ ký thiếu các phần đó.</translation>
    </message>
    <message>
        <source>The record was not accepted: a signature carries a time-stamp the Department cannot accept (from a time-stamping server the Department does not trust, or not made for this signature). Ask the Department which time-stamping servers it accepts. %1</source>
        <translation>Học bạ không được nhận: có chữ ký mang dấu thời gian mà Sở không chấp nhận được (từ máy chủ cấp dấu thời gian Sở không tin cậy, hoặc không được cấp cho chữ ký này). Hãy hỏi Sở những máy chủ cấp dấu thời gian nào được chấp nhận. %1</translation>
    </message>
    <message>
        <source>Nothing was stored at the Department. A record that is already signed cannot simply be signed again: first set the school&apos;s time-stamping server (Settings → Signing: time-stamping server… in the program, or &quot;hocba-cli tsa set&quot;), then open the record with Records → Correct after signing…, have it confirmed and signed again, and send the new version. If the school had a time-stamping server set already, this record was signed before it was set or while it could not be reached.</source>
        <translation>Sở chưa lưu gì. Học bạ đã ký không thể ký lại đơn giản được: trước hết hãy đặt máy chủ cấp dấu thời gian của trường (Cài đặt → Ký số: máy chủ cấp dấu thời gian… trong chương trình, hoặc "hocba-cli tsa set"), rồi mở học bạ bằng Học bạ → Sửa sau khi ký…, cho xác nhận và ký lại, và gửi phiên bản mới. Nếu trường đã đặt máy chủ cấp dấu thời gian từ trước, học bạ này đã được ký trước khi đặt hoặc vào lúc không kết nối được máy chủ.</translation>
    </message>
</context>
<context>
    <name>hocba::dept::DeptStore</name>
    <message>
        <source>No database was given. Give the data folder&apos;s dept.db or a PostgreSQL address (postgresql://…).</source>
        <translation>Chưa chỉ cơ sở dữ liệu. Hãy chỉ tệp dept.db của thư mục dữ liệu hoặc một địa chỉ PostgreSQL (postgresql://…).</translation>
    </message>
    <message>
        <source>The Department&apos;s audit log has been changed outside the program (entry %1). Keep the database as it is and tell the Department&apos;s IT staff.</source>
        <translation>Nhật ký kiểm tra của Sở đã bị sửa bên ngoài chương trình (mục %1). Hãy giữ nguyên cơ sở dữ liệu và báo cho cán bộ công nghệ thông tin của Sở.</translation>
    </message>
    <message>
        <source>The school is not registered at the Department.</source>
        <translation>Trường chưa được đăng ký với Sở.</translation>
    </message>
    <message>
        <source>There is no reporting window %1.</source>
        <translation>Không có đợt nộp %1.</translation>
    </message>
</context>
<context>
    <name>hocba::dept::DeptTypes</name>
    <message>
        <source>At least one receipt must be asked for. Update the program.</source>
        <translation>Cần yêu cầu ít nhất một biên nhận. Hãy cập nhật phần mềm.</translation>
    </message>
    <message>
        <source>The page cursor is not valid. Start again from the first page.</source>
        <translation>Vị trí trang không hợp lệ. Hãy bắt đầu lại từ trang đầu.</translation>
    </message>
</context>
<context>
    <name>hocba::dept::LookupPage</name>
    <message>
        <source>Digital school record lookup</source>
        <translation>Tra cứu học bạ số</translation>
    </message>
    <message>
        <source>Submitted, not locked yet</source>
        <translation>Đã nộp, chưa khoá</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Đã khoá</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Đã thu hồi</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Môn học</translation>
    </message>
    <message>
        <source>Level or score</source>
        <translation>Mức đạt hoặc điểm</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Nhận xét</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Mức đạt</translation>
    </message>
    <message>
        <source>Content of the record</source>
        <translation>Nội dung học bạ</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Học sinh</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>School year</source>
        <translation>Năm học</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Khối</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Lớp</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Phẩm chất</translation>
    </message>
    <message>
        <source>Competency</source>
        <translation>Năng lực</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Hoàn thành chương trình</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>Lên lớp</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>Khen thưởng</translation>
    </message>
    <message>
        <source>Homeroom teacher&apos;s comment</source>
        <translation>Nhận xét của giáo viên chủ nhiệm</translation>
    </message>
    <message>
        <source>School year %1</source>
        <translation>Năm học %1</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <source>Locked (effective) on</source>
        <translation>Ngày khoá (có hiệu lực)</translation>
    </message>
    <message>
        <source>The school has revoked this version of the record. Ask the school for the valid copy.</source>
        <translation>Nhà trường đã thu hồi phiên bản này của học bạ. Hãy liên hệ nhà trường để nhận bản có hiệu lực.</translation>
    </message>
    <message>
        <source>Download the soft copy (PDF with digital signatures)</source>
        <translation>Tải bản mềm (PDF có chữ ký số)</translation>
    </message>
    <message>
        <source>Lookup code</source>
        <translation>Mã tra cứu</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>No school record has this lookup code.</source>
        <translation>Không tìm thấy học bạ với mã tra cứu này.</translation>
    </message>
    <message>
        <source>A lookup code has 32 characters: the digits 0-9 and the letters a-f. Check the code printed under the QR code of the paper copy.</source>
        <translation>Mã tra cứu gồm 32 ký tự: các chữ số 0-9 và các chữ cái a-f. Hãy kiểm tra mã in dưới mã QR trên bản giấy.</translation>
    </message>
    <message>
        <source>The school has submitted this record to the Department. The Department locks it after the reporting deadline. Compare the content below with the paper copy you hold.</source>
        <translation>Nhà trường đã nộp học bạ này lên Sở. Sở sẽ khoá học bạ sau hạn chót nộp. Hãy đối chiếu nội dung dưới đây với bản giấy bạn đang giữ.</translation>
    </message>
    <message>
        <source>The Department has locked this record: its content can no longer be changed. Compare the content below with the paper copy you hold.</source>
        <translation>Sở đã khoá học bạ này: nội dung không thể thay đổi được nữa. Hãy đối chiếu nội dung dưới đây với bản giấy bạn đang giữ.</translation>
    </message>
    <message>
        <source>Conduct result</source>
        <translation>Kết quả rèn luyện</translation>
    </message>
    <message>
        <source>Learning result</source>
        <translation>Kết quả học tập</translation>
    </message>
    <message>
        <source>Check that the code is typed exactly as printed under the QR code of the paper copy. If it is, the school may not have submitted the record yet: ask the school.</source>
        <translation>Hãy kiểm tra mã đã nhập có đúng như mã in dưới mã QR trên bản giấy không. Nếu mã đúng, có thể nhà trường chưa nộp học bạ này: hãy hỏi nhà trường.</translation>
    </message>
    <message>
        <source>This year was signed and reported by a school of another province; it came here with the pupil&apos;s transfer and does not change here. Compare the content below with the paper copy you hold.</source>
        <translation>Năm học này do một trường ở tỉnh khác ký và báo cáo; hồ sơ được chuyển đến đây cùng học sinh và không thay đổi tại đây. Hãy so nội dung dưới đây với bản giấy bạn đang giữ.</translation>
    </message>
    <message>
        <source>Received with a transfer</source>
        <translation>Nhận theo hồ sơ chuyển trường</translation>
    </message>
    <message>
        <source>Revoked on %1</source>
        <translation>Đã thu hồi ngày %1</translation>
    </message>
    <message>
        <source>Current version: %1 (received on %2)</source>
        <translation>Phiên bản hiện hành: %1 (nhận ngày %2)</translation>
    </message>
    <message>
        <source>Version %1 — replaced on %2</source>
        <translation>Phiên bản %1 — đã được thay thế ngày %2</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Chuyển trường</translation>
    </message>
    <message>
        <source>Transferred from %1 to %2 on %3</source>
        <translation>Chuyển từ %1 sang %2 ngày %3</translation>
    </message>
    <message>
        <source>No version matches this paper copy: the paper copy may have been altered. Ask the school for the valid copy.</source>
        <translation>Không tìm thấy phiên bản nào khớp với bản giấy này: bản giấy có thể đã bị sửa. Hãy hỏi nhà trường bản hợp lệ.</translation>
    </message>
    <message>
        <source>This paper copy is version %1; the school revoked this school year of the record on %2. Ask the school for the valid copy.</source>
        <translation>Bản giấy này là phiên bản %1; nhà trường đã thu hồi học bạ năm học này ngày %2. Hãy hỏi nhà trường bản hợp lệ.</translation>
    </message>
    <message>
        <source>This paper copy is version %1, replaced by version %2 on %3; use the new copy.</source>
        <translation>Bản giấy này là phiên bản %1, đã được thay thế bởi phiên bản %2 ngày %3; hãy dùng bản mới.</translation>
    </message>
    <message>
        <source>This paper copy matches the current version.</source>
        <translation>Bản giấy này khớp với phiên bản hiện hành.</translation>
    </message>
    <message>
        <source>This link is not the one a paper copy&apos;s QR code holds: its school year, version or check code cannot be read, so the paper copy cannot be checked.</source>
        <translation>Đường dẫn này không phải đường dẫn trong mã QR của bản giấy: không đọc được năm học, phiên bản hoặc mã kiểm tra, nên không kiểm tra được bản giấy.</translation>
    </message>
    <message>
        <source>Show the record of this lookup code</source>
        <translation>Xem học bạ có mã tra cứu này</translation>
    </message>
</context>
<context>
    <name>hocba::dept::PgSession</name>
    <message>
        <source>A school with the code %1 is registered already.</source>
        <translation>Trường có mã %1 đã được đăng ký.</translation>
    </message>
    <message>
        <source>The window %1 exists already, or another window has the same school year and month.</source>
        <translation>Đợt nộp %1 đã có, hoặc đã có một đợt nộp khác cùng năm học và cùng tháng.</translation>
    </message>
</context>
<context>
    <name>hocba::dept::pg</name>
    <message>
        <source>The Department&apos;s database refused to change data that is received, locked or logged.</source>
        <translation>Cơ sở dữ liệu của Sở từ chối sửa dữ liệu đã nhận, đã khóa hoặc đã ghi nhật ký.</translation>
    </message>
    <message>
        <source>This entry already exists in the Department&apos;s database.</source>
        <translation>Mục này đã có trong cơ sở dữ liệu của Sở.</translation>
    </message>
    <message>
        <source>The Department&apos;s database could not be updated.</source>
        <translation>Không cập nhật được cơ sở dữ liệu của Sở.</translation>
    </message>
    <message>
        <source>The Department&apos;s database could not carry out a request. Try again; if it keeps failing, give the technical details to the Department&apos;s IT staff.</source>
        <translation>Cơ sở dữ liệu của Sở không thực hiện được một yêu cầu. Hãy thử lại; nếu vẫn lỗi, hãy gửi chi tiết kỹ thuật cho cán bộ công nghệ thông tin của Sở.</translation>
    </message>
</context>
<context>
    <name>hocba::dept::pg::Connection</name>
    <message>
        <source>Out of memory while connecting to the Department&apos;s database.</source>
        <translation>Hết bộ nhớ khi kết nối tới cơ sở dữ liệu của Sở.</translation>
    </message>
    <message>
        <source>The Department&apos;s PostgreSQL database cannot be reached. Check that PostgreSQL is running and that the database address, user and password are right.</source>
        <translation>Không kết nối được cơ sở dữ liệu PostgreSQL của Sở. Hãy kiểm tra PostgreSQL đang chạy và địa chỉ cơ sở dữ liệu, tên người dùng, mật khẩu là đúng.</translation>
    </message>
    <message>
        <source>The connection to the Department&apos;s PostgreSQL database was lost and cannot be made again. Check that PostgreSQL is running.</source>
        <translation>Mất kết nối tới cơ sở dữ liệu PostgreSQL của Sở và không kết nối lại được. Hãy kiểm tra PostgreSQL đang chạy.</translation>
    </message>
    <message>
        <source>The request holds a character (NUL) that cannot be stored. Nothing was stored.</source>
        <translation>Yêu cầu chứa một ký tự (NUL) không thể lưu. Chưa có gì được lưu.</translation>
    </message>
</context>
<context>
    <name>hocba::dept::sqlite::Connection</name>
    <message>
        <source>The Department&apos;s database %1 cannot be opened. Check that the data folder exists and that the program may read and write it.</source>
        <translation>Không mở được cơ sở dữ liệu của Sở %1. Hãy kiểm tra thư mục dữ liệu có tồn tại và chương trình có quyền đọc, ghi vào đó.</translation>
    </message>
    <message>
        <source>%1 is not a Department database. Give the dept.db of a data folder made with hocba-dept init.</source>
        <translation>%1 không phải là cơ sở dữ liệu của Sở. Hãy chỉ tệp dept.db trong thư mục dữ liệu đã tạo bằng hocba-dept init.</translation>
    </message>
    <message>
        <source>The Department&apos;s database refused to change data that is received, locked or logged.</source>
        <translation>Cơ sở dữ liệu của Sở từ chối sửa dữ liệu đã nhận, đã khóa hoặc đã ghi nhật ký.</translation>
    </message>
    <message>
        <source>This entry already exists in the Department&apos;s database.</source>
        <translation>Mục này đã có trong cơ sở dữ liệu của Sở.</translation>
    </message>
    <message>
        <source>The Department&apos;s database file is damaged or is not a database.</source>
        <translation>Tệp cơ sở dữ liệu của Sở bị hỏng hoặc không phải là cơ sở dữ liệu.</translation>
    </message>
    <message>
        <source>The Department&apos;s database could not be read or written. Check the disk space and the data folder, then try again.</source>
        <translation>Không đọc hoặc ghi được cơ sở dữ liệu của Sở. Hãy kiểm tra dung lượng ổ đĩa và thư mục dữ liệu rồi thử lại.</translation>
    </message>
    <message>
        <source>The Department&apos;s database could not be updated.</source>
        <translation>Không cập nhật được cơ sở dữ liệu của Sở.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle</name>
    <message>
        <source>The sheet has no header row naming the pupils (Mã or Tên) and the columns of this grid (%1). Use a sheet saved from this grid with &quot;Save as a spreadsheet&quot;.</source>
        <translation>Trang tính không có dòng tiêu đề ghi cột học sinh (Mã hoặc Tên) và các cột của bảng này (%1). Hãy dùng tệp đã lưu từ chính bảng này bằng &quot;Lưu bảng này thành bảng tính&quot;.</translation>
    </message>
    <message>
        <source>Row %1: no pupil of this class has the code %2.</source>
        <translation>Dòng %1: lớp này không có học sinh nào mã %2.</translation>
    </message>
    <message>
        <source>Row %1: two pupils of this class have this name; write their codes (Mã) to tell them apart.</source>
        <translation>Dòng %1: lớp này có hai học sinh trùng họ tên; hãy ghi mã học sinh (cột Mã) để phân biệt.</translation>
    </message>
    <message>
        <source>Row %1: no pupil of this class has this name.</source>
        <translation>Dòng %1: lớp này không có học sinh nào có họ tên này.</translation>
    </message>
    <message>
        <source>Row %1: this pupil has appeared on an earlier row; the row is not used.</source>
        <translation>Dòng %1: học sinh này đã có ở một dòng phía trên; dòng này không được dùng.</translation>
    </message>
    <message>
        <source>Row %1, column %2: “%3” is not used. %4</source>
        <translation>Dòng %1, cột %2: “%3” không được dùng. %4</translation>
    </message>
    <message>
        <source>The certificate of the authority that issued &quot;%1&quot; is missing, so its revocation cannot be checked. Add the authority&apos;s certificate to the trusted certificates.</source>
        <translation>Thiếu chứng thư của tổ chức đã cấp &quot;%1&quot;, nên không kiểm tra được tình trạng thu hồi. Hãy thêm chứng thư của tổ chức đó vào danh sách chứng thư tin cậy.</translation>
    </message>
    <message>
        <source>The certificate &quot;%1&quot; was revoked by its authority on %2. Records cannot be signed with it; ask the certificate authority for a new one.</source>
        <translation>Chứng thư số &quot;%1&quot; đã bị tổ chức cấp thu hồi ngày %2. Không thể ký học bạ bằng chứng thư này; hãy đề nghị tổ chức cung cấp dịch vụ chứng thực cấp chứng thư mới.</translation>
    </message>
    <message>
        <source>The certificate authority&apos;s revocation service did not answer for &quot;%1&quot;, so the proof that the certificate is still valid cannot be added. Check the Internet connection and sign again.</source>
        <translation>Dịch vụ tra cứu thu hồi của tổ chức chứng thực không trả lời cho &quot;%1&quot;, nên không thêm được bằng chứng chứng thư số còn hiệu lực. Hãy kiểm tra kết nối Internet rồi ký lại.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::Accounts</name>
    <message>
        <source>A login has 3 to 32 characters: lower-case letters a-z, digits, &quot;.&quot;, &quot;_&quot; and &quot;-&quot;.</source>
        <translation>Tên đăng nhập có từ 3 đến 32 ký tự: chữ thường a-z, chữ số, &quot;.&quot;, &quot;_&quot; và &quot;-&quot;.</translation>
    </message>
    <message>
        <source>A password needs at least %1 characters.</source>
        <translation>Mật khẩu phải có ít nhất %1 ký tự.</translation>
    </message>
    <message>
        <source>A password may have at most %1 bytes.</source>
        <translation>Mật khẩu dài tối đa %1 byte.</translation>
    </message>
    <message>
        <source>Cannot hash the password.</source>
        <translation>Không băm được mật khẩu.</translation>
    </message>
    <message>
        <source>There is no account &quot;%1&quot;.</source>
        <translation>Không có tài khoản &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Give the account&apos;s full name.</source>
        <translation>Hãy nhập họ tên của người dùng tài khoản.</translation>
    </message>
    <message>
        <source>The login &quot;%1&quot; is already taken.</source>
        <translation>Tên đăng nhập &quot;%1&quot; đã có người dùng.</translation>
    </message>
    <message>
        <source>The login or the password is wrong.</source>
        <translation>Tên đăng nhập hoặc mật khẩu không đúng.</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; is disabled. Ask the administrator.</source>
        <translation>Tài khoản &quot;%1&quot; đã bị vô hiệu hoá. Hãy liên hệ quản trị viên.</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; is locked after %2 wrong passwords. Try again after %3.</source>
        <translation>Tài khoản &quot;%1&quot; bị khoá do nhập sai mật khẩu %2 lần. Hãy thử lại sau %3.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::Actor</name>
    <message>
        <source>The account “%1” (%2) does not have the right to %3. Nothing was changed.</source>
        <translation>Tài khoản “%1” (%2) không có quyền %3. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>manage accounts</source>
        <translation>quản lý tài khoản</translation>
    </message>
    <message>
        <source>change another account&apos;s password</source>
        <translation>đổi mật khẩu của tài khoản khác</translation>
    </message>
    <message>
        <source>manage the school (classes, school years, assignments, student lists)</source>
        <translation>quản lý nhà trường (lớp, năm học, phân công, danh sách học sinh)</translation>
    </message>
    <message>
        <source>enter this subject&apos;s marks in this class</source>
        <translation>nhập điểm môn học này của lớp này</translation>
    </message>
    <message>
        <source>enter this class&apos;s conduct, absences and comments and confirm its records</source>
        <translation>nhập rèn luyện, số buổi nghỉ, nhận xét và xác nhận học bạ của lớp này</translation>
    </message>
    <message>
        <source>sign and approve records</source>
        <translation>ký và duyệt học bạ</translation>
    </message>
    <message>
        <source>print and export records</source>
        <translation>in và xuất học bạ</translation>
    </message>
    <message>
        <source>This school file has accounts: log in with your account to %1. Nothing was changed.</source>
        <translation>Tệp dữ liệu của trường này có tài khoản: hãy đăng nhập bằng tài khoản của bạn để %1. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>send records to the Department</source>
        <translation>gửi học bạ lên Sở</translation>
    </message>
    <message>
        <source>lock and unlock the entry of marks and comments</source>
        <translation>khoá và mở khoá việc nhập điểm, nhận xét</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::ArchiveTimestamps</name>
    <message>
        <source>The signed record is no longer in the file.</source>
        <translation>Học bạ đã ký không còn trong tệp.</translation>
    </message>
    <message>
        <source>Its signed PDF does not verify, so it is not time-stamped again: check it with &quot;hocba-cli audit verify&quot;.</source>
        <translation>Tệp PDF đã ký của học bạ không kiểm tra được là hợp lệ, nên không được đóng dấu thời gian lại: hãy kiểm tra bằng "hocba-cli audit verify".</translation>
    </message>
    <message>
        <source>The archive time-stamp from the time-stamping server does not verify: is the server&apos;s root certificate the one set with &quot;hocba-cli tsa set&quot;?</source>
        <translation>Dấu thời gian lưu trữ do máy chủ cấp không kiểm tra được: chứng thư gốc của máy chủ có đúng là chứng thư đã đặt bằng "hocba-cli tsa set" không?</translation>
    </message>
    <message>
        <source>No time-stamping server is set for the school, so no archive time-stamp can be added. Set the one of your certification service provider with &quot;hocba-cli tsa set&quot; (or in the school&apos;s settings) first.</source>
        <translation>Trường chưa đặt máy chủ cấp dấu thời gian, nên không thể thêm dấu thời gian lưu trữ. Trước hết hãy đặt máy chủ của nhà cung cấp dịch vụ chứng thực bằng "hocba-cli tsa set" (hoặc trong phần cài đặt của trường).</translation>
    </message>
    <message>
        <source>Stopped at your request.</source>
        <translation>Đã dừng theo yêu cầu của bạn.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::Assignments</name>
    <message>
        <source>There is no account &quot;%1&quot;.</source>
        <translation>Không có tài khoản &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; is a %2 account; only teacher accounts are assigned to classes.</source>
        <translation>Tài khoản &quot;%1&quot; là tài khoản %2; chỉ tài khoản giáo viên mới được phân công cho lớp.</translation>
    </message>
    <message>
        <source>There is no class %1 in %2. Add it first with &quot;class add&quot;.</source>
        <translation>Không có lớp %1 trong năm học %2. Hãy thêm lớp trước bằng &quot;class add&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a subject code of grade %2 (see docs/evaluate.md, for example toan or ngu_van).</source>
        <translation>&quot;%1&quot; không phải mã môn học của khối %2 (xem docs/evaluate.md, ví dụ toan hoặc ngu_van).</translation>
    </message>
    <message>
        <source>Class %1 already has a homeroom teacher in %2. Remove that assignment first (&quot;assign remove&quot;).</source>
        <translation>Lớp %1 đã có giáo viên chủ nhiệm trong năm học %2. Hãy bỏ phân công đó trước (&quot;assign remove&quot;).</translation>
    </message>
    <message>
        <source>This assignment is already there.</source>
        <translation>Phân công này đã có.</translation>
    </message>
    <message>
        <source>There is no such assignment.</source>
        <translation>Không có phân công này.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::AuditCheckpoints</name>
    <message>
        <source>Audit checkpoint %1 (made on %2, signed by %3) vouches for audit entry %4, which is missing: the audit log was cut or rewritten before that entry.</source>
        <translation>Điểm chốt nhật ký %1 (lập lúc %2, do %3 ký) xác nhận mục %4 của nhật ký thay đổi, nhưng mục này không còn: nhật ký đã bị cắt bớt hoặc bị viết lại trước mục đó.</translation>
    </message>
    <message>
        <source>Audit checkpoint %1 (made on %2, signed by %3) vouches for audit entry %4, but that entry&apos;s hash has changed since: the audit log was rewritten up to that entry.</source>
        <translation>Điểm chốt nhật ký %1 (lập lúc %2, do %3 ký) xác nhận mục %4 của nhật ký thay đổi, nhưng mã băm của mục này đã khác: nhật ký đã bị viết lại tính đến mục đó.</translation>
    </message>
    <message>
        <source>Audit checkpoint %1 cannot be read: it is not a checkpoint this program made.</source>
        <translation>Không đọc được điểm chốt nhật ký %1: đây không phải điểm chốt do chương trình này lập.</translation>
    </message>
    <message>
        <source>Audit checkpoint %1: its signature is not valid. %2</source>
        <translation>Điểm chốt nhật ký %1: chữ ký không hợp lệ. %2</translation>
    </message>
    <message>
        <source>Audit checkpoint %1 was altered: what the file says about it differs from what was signed.</source>
        <translation>Điểm chốt nhật ký %1 đã bị sửa đổi: thông tin về điểm chốt trong tệp khác với nội dung đã ký.</translation>
    </message>
    <message>
        <source>Audit checkpoint %1 is not signed with an acceptable signing certificate: %2</source>
        <translation>Điểm chốt nhật ký %1 không được ký bằng một chứng thư số hợp lệ để ký: %2</translation>
    </message>
    <message>
        <source>Audit entry %1 records audit checkpoint %2, which is no longer in the file: it was deleted.</source>
        <translation>Mục %1 của nhật ký thay đổi ghi nhận điểm chốt %2, nhưng điểm chốt này không còn trong tệp: nó đã bị xoá.</translation>
    </message>
    <message>
        <source>Audit checkpoint %1 is not recorded in the audit log: the newest entries of the log were cut.</source>
        <translation>Điểm chốt nhật ký %1 không được ghi trong nhật ký thay đổi: các mục mới nhất của nhật ký đã bị cắt bỏ.</translation>
    </message>
    <message>
        <source>%1 signed section(s) signed by %2 are not covered by an audit checkpoint of that certificate (the first: section %3, signed on %4). Checkpoints were deleted, or the signing stopped before it could make one; in that case, sign again with the same token to make one.</source>
        <translation>%1 hồ sơ do %2 ký chưa được điểm chốt nhật ký nào của chứng thư số đó xác nhận (hồ sơ đầu tiên: hồ sơ %3, ký lúc %4). Có thể điểm chốt đã bị xoá, hoặc đợt ký đã dừng trước khi kịp lập điểm chốt; nếu vậy, hãy ký lại bằng chính USB token đó để lập điểm chốt.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::BatchSignJob</name>
    <message>
        <source>An unfinished signing batch was started with another certificate. Plug in that token to continue it, or abandon the unfinished batch first.</source>
        <translation>Một đợt ký còn dở đã được bắt đầu bằng chứng thư số khác. Hãy cắm lại token đó để tiếp tục, hoặc huỷ đợt ký còn dở trước.</translation>
    </message>
    <message>
        <source>The signed records are stored, but the audit log&apos;s checkpoint could not be signed (%1). Until one is made, &quot;audit verify&quot; reports these records as not covered: sign again with the same token to make it.</source>
        <translation>Các hồ sơ đã ký đều đã được lưu, nhưng chưa ký được điểm chốt của nhật ký thay đổi (%1). Cho đến khi có điểm chốt, &quot;audit verify&quot; sẽ báo các hồ sơ này chưa được xác nhận: hãy ký lại bằng chính USB token đó để lập điểm chốt.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::ClassApproval</name>
    <message>
        <source>There is no class %1 in school year %2.</source>
        <translation>Năm học %2 không có lớp %1.</translation>
    </message>
    <message>
        <source>Give the homeroom teacher a reason of 1 to 1000 characters. Nothing was changed.</source>
        <translation>Hãy ghi lý do gửi giáo viên chủ nhiệm, dài từ 1 đến 1000 ký tự. Chưa có gì thay đổi.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::ClassBook</name>
    <message>
        <source>The file&apos;s title says it is for the school year %1, but the import is for %2. Nothing was imported: choose the file of %2, or the year %1.</source>
        <translation>Tiêu đề của tệp ghi năm học %1, nhưng đang nhập cho năm học %2. Chưa nhập gì: hãy chọn tệp của năm học %2, hoặc chọn năm học %1.</translation>
    </message>
    <message>
        <source>Say which school year the file is for (its title names none).</source>
        <translation>Hãy cho biết tệp thuộc năm học nào (tiêu đề của tệp không ghi).</translation>
    </message>
    <message>
        <source>Say which class the file is for (its title names none), for example 6A1.</source>
        <translation>Hãy cho biết tệp của lớp nào (tiêu đề của tệp không ghi), ví dụ 6A1.</translation>
    </message>
    <message>
        <source>There is no class %1 in %2. Import the class list first.</source>
        <translation>Năm học %2 không có lớp %1. Hãy nhập danh sách lớp trước.</translation>
    </message>
    <message>
        <source>The student&apos;s name is missing.</source>
        <translation>Thiếu họ tên học sinh.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date as dd/mm/yyyy.</source>
        <translation>&quot;%1&quot; không phải ngày theo dạng dd/mm/yyyy.</translation>
    </message>
    <message>
        <source>%1 students of class %2 have this name; add their personal ID or birth date to the file.</source>
        <translation>Lớp %2 có %1 học sinh trùng họ tên này; hãy thêm số định danh cá nhân hoặc ngày sinh vào tệp.</translation>
    </message>
    <message>
        <source>No student of class %1 in %2 has this name and these identifiers. Check the row, or import the class list first.</source>
        <translation>Lớp %1 năm học %2 không có học sinh nào có họ tên và mã định danh này. Hãy kiểm tra lại dòng này, hoặc nhập danh sách lớp trước.</translation>
    </message>
    <message>
        <source>The school file has this student with another personal ID.</source>
        <translation>Tệp dữ liệu đã có học sinh này với số định danh cá nhân khác.</translation>
    </message>
    <message>
        <source>This student&apos;s record for %1 is already signed or locked; it cannot change.</source>
        <translation>Học bạ năm học %1 của học sinh này đã được ký hoặc đã khoá; không thể thay đổi.</translation>
    </message>
    <message>
        <source>The same student as row %1: none of these rows is imported; keep one and import again.</source>
        <translation>Trùng học sinh với dòng %1: không dòng nào trong số này được nhập; hãy giữ lại một dòng rồi nhập lại.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::ClassReview</name>
    <message>
        <source>end of year</source>
        <translation>cuối năm</translation>
    </message>
    <message>
        <source>Conduct, %1</source>
        <translation>Kết quả rèn luyện, %1</translation>
    </message>
    <message>
        <source>Homeroom teacher&apos;s comment</source>
        <translation>Nhận xét của giáo viên chủ nhiệm</translation>
    </message>
    <message>
        <source>Days absent</source>
        <translation>Số buổi nghỉ</translation>
    </message>
    <message>
        <source>Personal ID</source>
        <translation>Số định danh cá nhân</translation>
    </message>
    <message>
        <source>The birthplace is missing.</source>
        <translation>Chưa có nơi sinh.</translation>
    </message>
    <message>
        <source>The birthplace &quot;%1&quot; does not name its province or city; write it as on the birth certificate.</source>
        <translation>Nơi sinh &quot;%1&quot; chưa ghi tỉnh hoặc thành phố; hãy ghi đúng như trong giấy khai sinh.</translation>
    </message>
    <message>
        <source>Awaits additional assessment over the summer: the record is due by 15/8.</source>
        <translation>Chờ đánh giá bổ sung trong hè: hạn hoàn thành học bạ là 15/8.</translation>
    </message>
    <message>
        <source>Must be re-assessed in the summer: the record is due by 15/8.</source>
        <translation>Phải kiểm tra, đánh giá lại trong hè: hạn hoàn thành học bạ là 15/8.</translation>
    </message>
    <message>
        <source>Must do conduct training over the summer: the record is due by 15/8.</source>
        <translation>Phải rèn luyện trong kì nghỉ hè: hạn hoàn thành học bạ là 15/8.</translation>
    </message>
    <message>
        <source>%1: the comment is not written.</source>
        <translation>%1: chưa ghi nhận xét.</translation>
    </message>
    <message>
        <source>The Ministry&apos;s pupil code (mã học sinh) is missing.</source>
        <translation>Chưa có mã học sinh (mã do Bộ GDĐT cấp).</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Rà soát</translation>
    </message>
    <message>
        <source>Missing mark</source>
        <translation>Thiếu điểm</translation>
    </message>
    <message>
        <source>Missing level</source>
        <translation>Thiếu mức đạt được</translation>
    </message>
    <message>
        <source>Missing comment</source>
        <translation>Thiếu nhận xét</translation>
    </message>
    <message>
        <source>Pupil code</source>
        <translation>Mã học sinh</translation>
    </message>
    <message>
        <source>Birthplace</source>
        <translation>Nơi sinh</translation>
    </message>
    <message>
        <source>August cohort</source>
        <translation>Nhóm xét sau hè</translation>
    </message>
    <message>
        <source>There is no class %1 in school year %2.</source>
        <translation>Năm học %2 không có lớp %1.</translation>
    </message>
    <message>
        <source>Fix list before signing: class %1, school year %2, %3</source>
        <translation>Danh sách cần sửa trước khi ký: lớp %1, năm học %2, %3</translation>
    </message>
    <message>
        <source>Homeroom teacher: %1</source>
        <translation>GVCN: %1</translation>
    </message>
    <message>
        <source>%1 pupils, %2 without errors; %3 marks or levels and %4 comments not entered; %5 in the August cohort.</source>
        <translation>%1 học sinh, %2 em không có lỗi; %3 điểm hoặc mức đạt được và %4 nhận xét chưa nhập; %5 em thuộc nhóm xét sau hè.</translation>
    </message>
    <message>
        <source>Returned by %1 on %2: %3</source>
        <translation>%1 đã trả lại ngày %2: %3</translation>
    </message>
    <message>
        <source>Nothing to fix.</source>
        <translation>Không có gì cần sửa.</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Pupil</source>
        <translation>Học sinh</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Vấn đề</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Đã sửa</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Cannot write the file %1.</source>
        <translation>Không ghi được tệp %1.</translation>
    </message>
    <message>
        <source>Fix list: class %1, school year %2</source>
        <translation>Danh sách cần sửa: lớp %1, năm học %2</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::CommentBank</name>
    <message>
        <source>The code &quot;%1&quot; cannot be used: write 1 to 16 letters or digits, e.g. T01.</source>
        <translation>Không dùng được mã &quot;%1&quot;: hãy viết từ 1 đến 16 chữ cái hoặc chữ số, ví dụ T01.</translation>
    </message>
    <message>
        <source>Write the text of the comment.</source>
        <translation>Hãy viết nội dung nhận xét.</translation>
    </message>
    <message>
        <source>A comment in the bank may be at most 500 characters long.</source>
        <translation>Mỗi nhận xét trong ngân hàng dài tối đa 500 ký tự.</translation>
    </message>
    <message>
        <source>The grade must be from 1 to 9, or empty for every grade.</source>
        <translation>Khối lớp phải từ 1 đến 9, hoặc để trống cho mọi khối.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a term: use gk1, ck1, gk2, cn (primary) or hk1, hk2, cn (THCS).</source>
        <translation>&quot;%1&quot; không phải là kì: hãy dùng gk1, ck1, gk2, cn (tiểu học) hoặc hk1, hk2, cn (THCS).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a level: use one of %2.</source>
        <translation>&quot;%1&quot; không phải là mức: hãy dùng một trong %2.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a subject code: use the codes of the grade book, e.g. toan, ngu_van, homeroom.</source>
        <translation>&quot;%1&quot; không phải là mã môn học: hãy dùng các mã của sổ điểm, ví dụ toan, ngu_van, homeroom.</translation>
    </message>
    <message>
        <source>Grade %1 is not in the level chosen.</source>
        <translation>Khối %1 không thuộc cấp học đã chọn.</translation>
    </message>
    <message>
        <source>The comment bank has no such entry.</source>
        <translation>Ngân hàng nhận xét không có câu này.</translation>
    </message>
    <message>
        <source>The comment bank already has an entry with the code %1: choose another code.</source>
        <translation>Ngân hàng nhận xét đã có câu mang mã %1: hãy chọn mã khác.</translation>
    </message>
    <message>
        <source>The comment bank has no entry with the code %1.</source>
        <translation>Ngân hàng nhận xét không có câu nào mang mã %1.</translation>
    </message>
    <message>
        <source>The longest comment must be from 20 to 500 characters.</source>
        <translation>Độ dài tối đa của nhận xét phải từ 20 đến 500 ký tự.</translation>
    </message>
    <message>
        <source>The school&apos;s house style does not use: %1.</source>
        <translation>Quy ước viết của nhà trường không dùng: %1.</translation>
    </message>
    <message>
        <source>%1 characters: the school keeps comments under %2 (the printed book has little room).</source>
        <translation>%1 ký tự: nhà trường giữ nhận xét dưới %2 ký tự (học bạ in có ít chỗ).</translation>
    </message>
    <message>
        <source>The school&apos;s comments start with &quot;Em&quot;.</source>
        <translation>Nhận xét của nhà trường bắt đầu bằng &quot;Em&quot;.</translation>
    </message>
    <message>
        <source>The school&apos;s comments do not start with &quot;Em&quot;.</source>
        <translation>Nhận xét của nhà trường không bắt đầu bằng &quot;Em&quot;.</translation>
    </message>
    <message>
        <source>There is no class %1 in %2.</source>
        <translation>Không có lớp %1 trong %2.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::Corrections</name>
    <message>
        <source>There is no school year section with the number %1.</source>
        <translation>Không có năm học nào mang số %1.</translation>
    </message>
    <message>
        <source>The record of this school year no longer exists.</source>
        <translation>Học bạ của năm học này không còn nữa.</translation>
    </message>
    <message>
        <source>The Department has locked the school year %1 of this record: nothing in it can change any more, neither a correction nor a revoke.</source>
        <translation>Sở đã khoá năm học %1 của học bạ này: không thể thay đổi gì nữa, kể cả sửa hay thu hồi.</translation>
    </message>
    <message>
        <source>This record was transferred to another school; only that school can change it now.</source>
        <translation>Học bạ này đã chuyển sang trường khác; từ nay chỉ trường đó được thay đổi.</translation>
    </message>
    <message>
        <source>The school year %1 is kept on paper; it cannot be corrected or revoked in the program.</source>
        <translation>Năm học %1 được lưu trên giấy; không thể sửa hay thu hồi trong chương trình.</translation>
    </message>
    <message>
        <source>Version %1 of the school year %2 is not signed yet: correct it directly, there is nothing to reopen or revoke.</source>
        <translation>Phiên bản %1 của năm học %2 chưa ký: hãy sửa trực tiếp, không cần mở lại hay thu hồi.</translation>
    </message>
    <message>
        <source>Version %1 of the school year %2 was revoked; it cannot be changed.</source>
        <translation>Phiên bản %1 của năm học %2 đã bị thu hồi; không thể thay đổi.</translation>
    </message>
    <message>
        <source>Version %1 of the school year %2 was replaced by a newer version; correct the newest one instead.</source>
        <translation>Phiên bản %1 của năm học %2 đã được thay thế bằng phiên bản mới hơn; hãy sửa phiên bản mới nhất.</translation>
    </message>
    <message>
        <source>The school year %1 was reopened: version %2 is being corrected. Sign it to replace this version, or revoke only after that.</source>
        <translation>Năm học %1 đã được mở lại: phiên bản %2 đang được sửa. Hãy ký phiên bản đó để thay thế bản này; chỉ thu hồi sau khi đã ký.</translation>
    </message>
    <message>
        <source>The school year %1 was already reopened: version %2 is being corrected. Finish, confirm and sign it instead of reopening again.</source>
        <translation>Năm học %1 đã được mở lại: phiên bản %2 đang được sửa. Hãy sửa xong, xác nhận và ký phiên bản đó thay vì mở lại lần nữa.</translation>
    </message>
    <message>
        <source>A newer version (%1) of the school year %2 exists; only the newest can be changed.</source>
        <translation>Đã có phiên bản mới hơn (%1) của năm học %2; chỉ phiên bản mới nhất được thay đổi.</translation>
    </message>
    <message>
        <source>Give a reason of 1 to 500 characters.</source>
        <translation>Hãy ghi lý do, từ 1 đến 500 ký tự.</translation>
    </message>
    <message>
        <source>Give the student&apos;s code.</source>
        <translation>Hãy nhập mã học sinh.</translation>
    </message>
    <message>
        <source>No student with the code %1 has a school year %2 in this file.</source>
        <translation>Trong tệp này không có học sinh mã %1 có năm học %2.</translation>
    </message>
    <message>
        <source>The code %1 matches more than one student; choose the section by its number instead.</source>
        <translation>Mã %1 trùng với nhiều học sinh; hãy chọn năm học theo số của nó.</translation>
    </message>
    <message>
        <source>The school&apos;s MOET code is not set; the Department cannot accept a revoke without it.</source>
        <translation>Chưa nhập mã trường (của Bộ); Sở không thể nhận yêu cầu thu hồi khi thiếu mã này.</translation>
    </message>
    <message>
        <source>The signed request is empty.</source>
        <translation>Yêu cầu đã ký bị trống.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::Department</name>
    <message>
        <source>Cannot read the file %1. Check the name and try again.</source>
        <translation>Không đọc được tệp %1. Hãy kiểm tra tên tệp rồi thử lại.</translation>
    </message>
    <message>
        <source>The file %1 is too large for what it should hold.</source>
        <translation>Tệp %1 quá lớn so với nội dung lẽ ra nó chứa.</translation>
    </message>
    <message>
        <source>The file %1 is not a school credential: it must hold one line of 64 characters 0-9 and a-f, as the Department wrote it. Ask the Department for the file again.</source>
        <translation>Tệp %1 không phải là tệp mã xác thực của trường: tệp phải có đúng một dòng gồm 64 ký tự 0-9 và a-f, như Sở đã cấp. Hãy xin Sở gửi lại tệp.</translation>
    </message>
    <message>
        <source>The file %1 is not a certificate. Use the Department&apos;s certificate file (department-cert.pem) as the Department gave it.</source>
        <translation>Tệp %1 không phải là chứng thư. Hãy dùng tệp chứng thư của Sở (department-cert.pem) đúng như Sở cung cấp.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a lookup code: a lookup code has 32 characters 0-9 and a-f, as printed under the QR code.</source>
        <translation>&quot;%1&quot; không phải là mã tra cứu: mã tra cứu gồm 32 ký tự 0-9 và a-f, như in dưới mã QR.</translation>
    </message>
    <message>
        <source>The Department has no record with this lookup code. Check the code on the paper copy; a record the school has not sent yet cannot be found.</source>
        <translation>Sở không có học bạ nào với mã tra cứu này. Hãy kiểm tra mã trên bản giấy; học bạ mà trường chưa nộp thì chưa tra cứu được.</translation>
    </message>
    <message>
        <source>lookup</source>
        <translation>tra cứu</translation>
    </message>
    <message>
        <source>The Department&apos;s answer cannot be read. Try again later; if this repeats, tell the Department&apos;s IT staff.</source>
        <translation>Không đọc được câu trả lời của Sở. Hãy thử lại sau; nếu vẫn lỗi, báo cho cán bộ công nghệ thông tin của Sở.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a web address of the Department&apos;s server. Write it as the Department gave it, for example https://hocba.sogd.example.vn.</source>
        <translation>&quot;%1&quot; không phải là địa chỉ máy chủ của Sở. Hãy ghi đúng như Sở cung cấp, ví dụ https://hocba.sogd.example.vn.</translation>
    </message>
    <message>
        <source>The address %1 starts with http://, which sends the school&apos;s credential unprotected. Use the https:// address the Department gave.</source>
        <translation>Địa chỉ %1 bắt đầu bằng http://, sẽ gửi mã xác thực của trường mà không được bảo vệ. Hãy dùng địa chỉ https:// mà Sở cung cấp.</translation>
    </message>
    <message>
        <source>The Department&apos;s server did not answer (%1). Check the Internet connection and try again later; nothing was lost.</source>
        <translation>Máy chủ của Sở không trả lời (%1). Hãy kiểm tra kết nối Internet và thử lại sau; không có gì bị mất.</translation>
    </message>
    <message>
        <source>The Department did not accept the school&apos;s credential. Ask the Department for a new credential file and set it again.</source>
        <translation>Sở không chấp nhận mã xác thực của trường. Hãy xin Sở tệp mã xác thực mới và cài đặt lại.</translation>
    </message>
    <message>
        <source>The Department&apos;s server is busy or has a problem (%1). Try again later; nothing was lost.</source>
        <translation>Máy chủ của Sở đang bận hoặc gặp sự cố (%1). Hãy thử lại sau; không có gì bị mất.</translation>
    </message>
    <message>
        <source>The Department&apos;s server refused the request (%1).</source>
        <translation>Máy chủ của Sở từ chối yêu cầu (%1).</translation>
    </message>
    <message>
        <source>The Department&apos;s receipt is for another record or another version than the one sent. Nothing was marked as sent; tell the Department&apos;s IT staff.</source>
        <translation>Biên nhận của Sở nói về một học bạ hoặc một phiên bản khác với bản đã gửi. Chưa đánh dấu là đã nộp; hãy báo cho cán bộ công nghệ thông tin của Sở.</translation>
    </message>
    <message>
        <source>A section in the outbox no longer exists.</source>
        <translation>Một phần học bạ trong hộp thư đi không còn nữa.</translation>
    </message>
    <message>
        <source>upload</source>
        <translation>nộp</translation>
    </message>
    <message>
        <source>Received by the Department (the receipt was not checked: no Department certificate was given).</source>
        <translation>Sở đã nhận (biên nhận chưa được kiểm tra vì không có chứng thư của Sở).</translation>
    </message>
    <message>
        <source>Received by the Department.</source>
        <translation>Sở đã nhận.</translation>
    </message>
    <message>
        <source>The Department already had this record; its receipt is kept.</source>
        <translation>Sở đã có học bạ này; biên nhận của Sở được giữ lại.</translation>
    </message>
    <message>
        <source>The Department&apos;s server is not set up for this school yet. Ask the school&apos;s administrator to set it first (&quot;hocba-cli endpoint set&quot;).</source>
        <translation>Chưa cài đặt máy chủ của Sở cho trường. Hãy nhờ quản trị viên của trường cài đặt trước (&quot;hocba-cli endpoint set&quot;).</translation>
    </message>
    <message>
        <source>Fetching the receipts was stopped.</source>
        <translation>Đã dừng tải biên nhận.</translation>
    </message>
    <message>
        <source>receipts</source>
        <translation>biên nhận</translation>
    </message>
    <message>
        <source>The Department recorded the transfer.</source>
        <translation>Sở đã ghi nhận việc chuyển trường.</translation>
    </message>
    <message>
        <source>The Department recorded the revoke.</source>
        <translation>Sở đã ghi nhận việc thu hồi.</translation>
    </message>
    <message>
        <source>transfer</source>
        <translation>chuyển trường</translation>
    </message>
    <message>
        <source>revoke</source>
        <translation>thu hồi</translation>
    </message>
    <message>
        <source>The Department has already locked this school year: the revoke was refused and the record stays as the Department locked it.</source>
        <translation>Sở đã khoá năm học này: yêu cầu thu hồi bị từ chối và học bạ giữ nguyên như khi Sở khoá.</translation>
    </message>
    <message>
        <source>School year %1</source>
        <translation>Năm học %1</translation>
    </message>
    <message>
        <source>Revoked on %1</source>
        <translation>Đã thu hồi ngày %1</translation>
    </message>
    <message>
        <source>Current version: %1 (received on %2)</source>
        <translation>Phiên bản hiện hành: %1 (nhận ngày %2)</translation>
    </message>
    <message>
        <source>Version %1 — replaced on %2</source>
        <translation>Phiên bản %1 — đã được thay thế ngày %2</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Chuyển trường</translation>
    </message>
    <message>
        <source>Transferred from %1 to %2 on %3</source>
        <translation>Chuyển từ %1 sang %2 ngày %3</translation>
    </message>
    <message>
        <source>No version matches this paper copy: the paper copy may have been altered. Ask the school for the valid copy.</source>
        <translation>Không tìm thấy phiên bản nào khớp với bản giấy này: bản giấy có thể đã bị sửa. Hãy hỏi nhà trường bản hợp lệ.</translation>
    </message>
    <message>
        <source>This paper copy is version %1; the school revoked this school year of the record on %2. Ask the school for the valid copy.</source>
        <translation>Bản giấy này là phiên bản %1; nhà trường đã thu hồi học bạ năm học này ngày %2. Hãy hỏi nhà trường bản hợp lệ.</translation>
    </message>
    <message>
        <source>This paper copy is version %1, replaced by version %2 on %3; use the new copy.</source>
        <translation>Bản giấy này là phiên bản %1, đã được thay thế bởi phiên bản %2 ngày %3; hãy dùng bản mới.</translation>
    </message>
    <message>
        <source>This paper copy matches the current version.</source>
        <translation>Bản giấy này khớp với phiên bản hiện hành.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::DocumentVerifier</name>
    <message>
        <source>The PDF is not signed.</source>
        <translation>Tệp PDF chưa được ký.</translation>
    </message>
    <message>
        <source>The PDF carries no record packet.</source>
        <translation>Tệp PDF không chứa gói dữ liệu học bạ.</translation>
    </message>
    <message>
        <source>The packet in the PDF is not a valid record packet.</source>
        <translation>Gói dữ liệu trong PDF không phải là gói dữ liệu học bạ hợp lệ.</translation>
    </message>
    <message>
        <source>The packet in the PDF cannot be checked: %1</source>
        <translation>Không kiểm tra được gói dữ liệu trong PDF: %1</translation>
    </message>
    <message>
        <source>The packet in the PDF is not signed.</source>
        <translation>Gói dữ liệu trong PDF chưa được ký.</translation>
    </message>
    <message>
        <source>The PDF does not say which packet it was made from.</source>
        <translation>Tệp PDF không cho biết nó được tạo từ gói dữ liệu nào.</translation>
    </message>
    <message>
        <source>The packet in the PDF is not the one the PDF (and its QR codes) was made from.</source>
        <translation>Gói dữ liệu trong PDF không phải gói mà tệp PDF (và các mã QR của nó) được tạo từ đó.</translation>
    </message>
    <message>
        <source>The file is not a valid record packet.</source>
        <translation>Tệp không phải là gói dữ liệu học bạ hợp lệ.</translation>
    </message>
    <message>
        <source>The packet is not signed.</source>
        <translation>Gói dữ liệu chưa được ký.</translation>
    </message>
    <message>
        <source>The PDF is signed with the certificate of %1 (serial %2), but the packet inside it was completed with the certificate of %3 (serial %4). The signer who completes a record signs the packet and the PDF with the same certificate.</source>
        <translation>Tệp PDF được ký bằng chứng thư số của %1 (số hiệu %2), nhưng gói dữ liệu bên trong lại được ký hoàn tất bằng chứng thư số của %3 (số hiệu %4). Người ký hoàn tất học bạ phải ký cả gói dữ liệu và tệp PDF bằng cùng một chứng thư số.</translation>
    </message>
    <message>
        <source>The file cannot be opened.</source>
        <translation>Không mở được tệp.</translation>
    </message>
    <message>
        <source>The file is too large to be a signed record (over %1 MiB).</source>
        <translation>Tệp quá lớn, không thể là một học bạ đã ký (trên %1 MiB).</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Không đọc được tệp.</translation>
    </message>
    <message>
        <source>No visible signature appearance is recorded in the packet (signed before the appearance was introduced).</source>
        <translation>Gói dữ liệu không ghi chữ ký hiển thị nào (được ký trước khi có chữ ký hiển thị).</translation>
    </message>
    <message>
        <source>The text of the PDF&apos;s pages cannot be read, so its visible signature cannot be checked.</source>
        <translation>Không đọc được chữ trên các trang của tệp PDF nên không kiểm tra được chữ ký hiển thị.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::EntryGrid</name>
    <message>
        <source>Mid-semester I</source>
        <translation>Giữa học kì I</translation>
    </message>
    <message>
        <source>End of semester I</source>
        <translation>Cuối học kì I</translation>
    </message>
    <message>
        <source>Mid-semester II</source>
        <translation>Giữa học kì II</translation>
    </message>
    <message>
        <source>End of year</source>
        <translation>Cuối năm học</translation>
    </message>
    <message>
        <source>Semester I</source>
        <translation>Học kì I</translation>
    </message>
    <message>
        <source>Semester II</source>
        <translation>Học kì II</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>Cả năm</translation>
    </message>
    <message>
        <source>The class no longer exists in school year %1.</source>
        <translation>Năm học %1 không còn lớp này.</translation>
    </message>
    <message>
        <source>This pupil&apos;s record was transferred to %1 on %2; it can no longer be changed here.</source>
        <translation>Học bạ của học sinh này đã được chuyển đến %1 ngày %2; không thể thay đổi tại đây nữa.</translation>
    </message>
    <message>
        <source>This year was copied from the paper record; it is not entered here.</source>
        <translation>Năm học này được chép lại từ học bạ giấy; không nhập ở đây.</translation>
    </message>
    <message>
        <source>This pupil&apos;s year is %1: marks can be changed only in a draft (the board returns it to draft to correct it).</source>
        <translation>Năm học này của học sinh đang ở trạng thái %1: chỉ sửa được điểm khi học bạ còn là bản nháp (Ban giám hiệu trả lại thành bản nháp để sửa).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an assessment point of a primary class (gk1, ck1, gk2, cn).</source>
        <translation>&quot;%1&quot; không phải thời điểm đánh giá của lớp tiểu học (gk1, ck1, gk2, cn).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a term of this grid (hk1, hk2; the homeroom grid: hk1, year).</source>
        <translation>&quot;%1&quot; không phải học kì của bảng nhập này (hk1, hk2; bảng của giáo viên chủ nhiệm: hk1, year).</translation>
    </message>
    <message>
        <source>Qualities and competencies are assessed in primary classes only.</source>
        <translation>Phẩm chất, năng lực chỉ được đánh giá ở các lớp tiểu học.</translation>
    </message>
    <message>
        <source>Grade %1 has no subject &quot;%2&quot;.</source>
        <translation>Khối %1 không có môn &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>Regular assessment %1</source>
        <translation>Điểm đánh giá thường xuyên %1</translation>
    </message>
    <message>
        <source>Mid-term assessment (weight 2)</source>
        <translation>Điểm đánh giá giữa kì (hệ số 2)</translation>
    </message>
    <message>
        <source>End-of-term assessment (weight 3)</source>
        <translation>Điểm đánh giá cuối kì (hệ số 3)</translation>
    </message>
    <message>
        <source>Semester average, worked out by the program (TT22 Art. 9)</source>
        <translation>Điểm trung bình môn học kì, do phần mềm tự tính (Thông tư 22, Điều 9)</translation>
    </message>
    <message>
        <source>Semester result, worked out by the program</source>
        <translation>Kết quả học kì, do phần mềm tự tính</translation>
    </message>
    <message>
        <source>The subject teacher&apos;s comment</source>
        <translation>Nhận xét của giáo viên bộ môn</translation>
    </message>
    <message>
        <source>The teacher&apos;s comment</source>
        <translation>Nhận xét của giáo viên</translation>
    </message>
    <message>
        <source>Periodic test score (whole number 0–10)</source>
        <translation>Điểm kiểm tra định kì (số nguyên từ 0 đến 10)</translation>
    </message>
    <message>
        <source>Level: T (completed well), H (completed), C (not yet)</source>
        <translation>Mức đạt được: T (Hoàn thành tốt), H (Hoàn thành), C (Chưa hoàn thành)</translation>
    </message>
    <message>
        <source>Days absent with leave in the year</source>
        <translation>Số ngày nghỉ có phép trong năm học</translation>
    </message>
    <message>
        <source>Days absent without leave in the year</source>
        <translation>Số ngày nghỉ không phép trong năm học</translation>
    </message>
    <message>
        <source>Result of the year, worked out by the program</source>
        <translation>Kết quả cả năm học, do phần mềm tự tính</translation>
    </message>
    <message>
        <source>Award, worked out by the program</source>
        <translation>Khen thưởng, do phần mềm tự xét</translation>
    </message>
    <message>
        <source>Conduct in semester I: T (good), K (fair), Đ (pass), CĐ (not yet)</source>
        <translation>Kết quả rèn luyện học kì I: T (Tốt), K (Khá), Đ (Đạt), CĐ (Chưa đạt)</translation>
    </message>
    <message>
        <source>Learning result of semester I, worked out by the program</source>
        <translation>Kết quả học tập học kì I, do phần mềm tự tính</translation>
    </message>
    <message>
        <source>Conduct in semester II: T (good), K (fair), Đ (pass), CĐ (not yet)</source>
        <translation>Kết quả rèn luyện học kì II: T (Tốt), K (Khá), Đ (Đạt), CĐ (Chưa đạt)</translation>
    </message>
    <message>
        <source>Sessions absent in the year (more than 45 bars promotion)</source>
        <translation>Số buổi nghỉ học trong năm học (nghỉ quá 45 buổi thì không được lên lớp)</translation>
    </message>
    <message>
        <source>Conduct of the year, worked out by the program</source>
        <translation>Kết quả rèn luyện cả năm, do phần mềm tự tính</translation>
    </message>
    <message>
        <source>Learning result of the year, worked out by the program</source>
        <translation>Kết quả học tập cả năm, do phần mềm tự tính</translation>
    </message>
    <message>
        <source>Promotion, worked out by the program</source>
        <translation>Lên lớp, do phần mềm tự xét</translation>
    </message>
    <message>
        <source>The homeroom teacher&apos;s comment on the year</source>
        <translation>Nhận xét cả năm của giáo viên chủ nhiệm</translation>
    </message>
    <message>
        <source>Level: T (good), Đ (satisfactory), C (needs effort)</source>
        <translation>Mức đánh giá: T (Tốt), Đ (Đạt), C (Cần cố gắng)</translation>
    </message>
    <message>
        <source>Comment on this quality</source>
        <translation>Nhận xét về phẩm chất này</translation>
    </message>
    <message>
        <source>Comment on this competency</source>
        <translation>Nhận xét về năng lực này</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Homeroom — %1</source>
        <translation>Chủ nhiệm — %1</translation>
    </message>
    <message>
        <source>Qualities and competencies — %1</source>
        <translation>Phẩm chất, năng lực — %1</translation>
    </message>
    <message>
        <source>Unknown grid.</source>
        <translation>Bảng nhập không xác định.</translation>
    </message>
    <message>
        <source>This column is worked out by the program and cannot be typed in.</source>
        <translation>Cột này do phần mềm tự tính, không nhập trực tiếp được.</translation>
    </message>
    <message>
        <source>A comment can be at most 2000 characters long.</source>
        <translation>Nhận xét dài tối đa 2000 ký tự.</translation>
    </message>
    <message>
        <source>A mark has at most one decimal, e.g. 7,5.</source>
        <translation>Điểm có tối đa một chữ số thập phân, ví dụ 7,5.</translation>
    </message>
    <message>
        <source>A mark is between 0 and 10.</source>
        <translation>Điểm phải từ 0 đến 10.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a mark: type a number from 0 to 10, e.g. 7,5.</source>
        <translation>&quot;%1&quot; không phải là điểm: hãy nhập một số từ 0 đến 10, ví dụ 7,5.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a test score: type a whole number from 0 to 10.</source>
        <translation>&quot;%1&quot; không phải là điểm kiểm tra: hãy nhập một số nguyên từ 0 đến 10.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a count: type a whole number, e.g. 3.</source>
        <translation>&quot;%1&quot; không phải là số lượng: hãy nhập một số nguyên, ví dụ 3.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a level of this column: type one of %2.</source>
        <translation>&quot;%1&quot; không phải là mức của cột này: hãy nhập một trong các giá trị %2.</translation>
    </message>
    <message>
        <source>This pupil&apos;s year is no longer in a class of the school; reload the grid.</source>
        <translation>Năm học này của học sinh không còn thuộc lớp nào của trường; hãy tải lại bảng nhập.</translation>
    </message>
    <message>
        <source>This cell cannot be written from a grid.</source>
        <translation>Không thể nhập ô này từ bảng nhập.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::EntryLocks</name>
    <message>
        <source>of class %1</source>
        <translation>của lớp %1</translation>
    </message>
    <message>
        <source>of grade %1</source>
        <translation>của khối %1</translation>
    </message>
    <message>
        <source>of the whole school</source>
        <translation>của toàn trường</translation>
    </message>
    <message>
        <source>subject %1</source>
        <translation>môn %1</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>cột %1</translation>
    </message>
    <message>
        <source>school year %1</source>
        <translation>năm học %1</translation>
    </message>
    <message>
        <source>Semester I</source>
        <translation>Học kì I</translation>
    </message>
    <message>
        <source>Semester II</source>
        <translation>Học kì II</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>Cả năm</translation>
    </message>
    <message>
        <source>Middle of semester I</source>
        <translation>Giữa học kì I</translation>
    </message>
    <message>
        <source>End of semester I</source>
        <translation>Cuối học kì I</translation>
    </message>
    <message>
        <source>Middle of semester II</source>
        <translation>Giữa học kì II</translation>
    </message>
    <message>
        <source>End of semester II</source>
        <translation>Cuối học kì II</translation>
    </message>
    <message>
        <source>Homeroom columns of the year</source>
        <translation>Các cột chủ nhiệm cả năm</translation>
    </message>
    <message>
        <source>Regular marks (ĐĐGtx)</source>
        <translation>Điểm thường xuyên (ĐĐGtx)</translation>
    </message>
    <message>
        <source>Mid-term mark (ĐĐGgk)</source>
        <translation>Điểm giữa kì (ĐĐGgk)</translation>
    </message>
    <message>
        <source>End-of-term mark (ĐĐGck)</source>
        <translation>Điểm cuối kì (ĐĐGck)</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Nhận xét</translation>
    </message>
    <message>
        <source>Level (T/H/C)</source>
        <translation>Mức (T/H/C)</translation>
    </message>
    <message>
        <source>Periodic test score (KTĐK)</source>
        <translation>Điểm kiểm tra định kì (KTĐK)</translation>
    </message>
    <message>
        <source>Conduct</source>
        <translation>Kết quả rèn luyện</translation>
    </message>
    <message>
        <source>Absences</source>
        <translation>Số buổi nghỉ</translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation>Lớp %1</translation>
    </message>
    <message>
        <source>Grade %1</source>
        <translation>Khối %1</translation>
    </message>
    <message>
        <source>Whole school</source>
        <translation>Toàn trường</translation>
    </message>
    <message>
        <source>All subjects and homeroom columns</source>
        <translation>Tất cả môn học và các cột chủ nhiệm</translation>
    </message>
    <message>
        <source>All terms</source>
        <translation>Tất cả các kì</translation>
    </message>
    <message>
        <source>All columns</source>
        <translation>Tất cả các cột</translation>
    </message>
    <message>
        <source>Marks %1 were locked by %2 on %3: %4</source>
        <translation>Việc nhập điểm %1 đã được %2 khoá ngày %3: %4</translation>
    </message>
    <message>
        <source>Write why the entry is locked: the teachers see it.</source>
        <translation>Hãy ghi lý do khoá nhập liệu: giáo viên sẽ thấy lý do này.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a term: use hk1, hk2, cn (THCS), gk1, ck1, gk2, ck2 (primary) or year (the homeroom columns of the whole year).</source>
        <translation>&quot;%1&quot; không phải là kì: hãy dùng hk1, hk2, cn (THCS), gk1, ck1, gk2, ck2 (tiểu học) hoặc year (các cột chủ nhiệm cả năm).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a subject code; the codes are listed in docs/evaluate.md, for example toan or ngu_van.</source>
        <translation>&quot;%1&quot; không phải mã môn học; danh sách mã môn có trong docs/evaluate.md, ví dụ toan hoặc ngu_van.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a column: use %2.</source>
        <translation>&quot;%1&quot; không phải là cột: hãy dùng %2.</translation>
    </message>
    <message>
        <source>There is no such class in %1.</source>
        <translation>Năm học %1 không có lớp này.</translation>
    </message>
    <message>
        <source>The class is not in grade %1.</source>
        <translation>Lớp này không thuộc khối %1.</translation>
    </message>
    <message>
        <source>Write why the lock is lifted: the reason is kept in the audit log.</source>
        <translation>Hãy ghi lý do mở khoá: lý do được lưu trong nhật ký thay đổi.</translation>
    </message>
    <message>
        <source>There is no lock number %1 in force.</source>
        <translation>Không có khoá số %1 nào đang có hiệu lực.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::Exports</name>
    <message>
        <source>There is no class %1 in the school year %2.</source>
        <translation>Năm học %2 không có lớp %1.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a subject of grade %2: give a subject code of docs/evaluate.md, for example toan or ngu_van.</source>
        <translation>&quot;%1&quot; không phải môn học của khối %2: hãy ghi mã môn học theo docs/evaluate.md, ví dụ toan hoặc ngu_van.</translation>
    </message>
    <message>
        <source>A primary grade book is for the whole year: leave out the semester (or give cn).</source>
        <translation>Bảng điểm tiểu học tính cho cả năm học: hãy bỏ trống học kì (hoặc ghi cn).</translation>
    </message>
    <message>
        <source>Say which semester the grade book is for: hk1 or hk2.</source>
        <translation>Hãy cho biết bảng điểm của học kì nào: hk1 hoặc hk2.</translation>
    </message>
    <message>
        <source>Say which period the summary is for: hk1, hk2 or cn.</source>
        <translation>Hãy cho biết bảng tổng hợp của kì nào: hk1, hk2 hoặc cn.</translation>
    </message>
    <message>
        <source>The school file keeps a primary class&apos;s year-end evaluation (cn) only: leave out the period or give cn.</source>
        <translation>Tệp dữ liệu của trường chỉ lưu kết quả đánh giá cuối năm (cn) của lớp tiểu học: hãy bỏ trống kì hoặc ghi cn.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::GradeImport</name>
    <message>
        <source>Say which subject the grade book is for (its title names none), for example toan.</source>
        <translation>Hãy cho biết sổ điểm của môn nào (tiêu đề của tệp không ghi), ví dụ toan.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a subject code; the codes are listed in docs/evaluate.md, for example toan or ngu_van.</source>
        <translation>&quot;%1&quot; không phải mã môn học; danh sách mã môn có trong docs/evaluate.md, ví dụ toan hoặc ngu_van.</translation>
    </message>
    <message>
        <source>A primary grade book is imported for the whole year (cn): the school file keeps the year-end level, test score and comment.</source>
        <translation>Sổ điểm tiểu học được nhập cho cả năm (cn): tệp dữ liệu lưu mức đạt được, điểm kiểm tra định kì và nhận xét cuối năm.</translation>
    </message>
    <message>
        <source>Say which semester the grade book is for: hk1 or hk2 (the year&apos;s results are computed from both).</source>
        <translation>Hãy cho biết sổ điểm của học kì nào: hk1 hoặc hk2 (kết quả cả năm được tính từ hai học kì).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a score from 0 to 10.</source>
        <translation>&quot;%1&quot; không phải là điểm từ 0 đến 10.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has more than one decimal; write a score like 8 or 8,5.</source>
        <translation>&quot;%1&quot; có nhiều hơn một chữ số thập phân; hãy ghi điểm dạng 8 hoặc 8,5.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not Đ (Đạt) or CĐ (Chưa đạt).</source>
        <translation>&quot;%1&quot; không phải Đ (Đạt) hoặc CĐ (Chưa đạt).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a level: write T (Hoàn thành tốt), H (Hoàn thành) or C (Chưa hoàn thành).</source>
        <translation>&quot;%1&quot; không phải mức đạt được: hãy ghi T (Hoàn thành tốt), H (Hoàn thành) hoặc C (Chưa hoàn thành).</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the periodic test score is a whole number from 0 to 10.</source>
        <translation>&quot;%1&quot;: điểm kiểm tra định kì là số nguyên từ 0 đến 10.</translation>
    </message>
    <message>
        <source>No header row found: one of the first %1 rows must name the columns, with at least &quot;Họ và tên&quot; (or &quot;Họ đệm&quot; and &quot;Tên&quot;) and a mark column such as &quot;ĐĐGtx1&quot;, &quot;ĐĐGgk&quot;, &quot;ĐĐGck&quot;, &quot;Mức đạt được&quot; or &quot;Điểm KTĐK&quot;.</source>
        <translation>Không tìm thấy dòng tiêu đề cột: một trong %1 dòng đầu phải ghi tên các cột, tối thiểu có &quot;Họ và tên&quot; (hoặc &quot;Họ đệm&quot; và &quot;Tên&quot;) và một cột điểm như &quot;ĐĐGtx1&quot;, &quot;ĐĐGgk&quot;, &quot;ĐĐGck&quot;, &quot;Mức đạt được&quot; hoặc &quot;Điểm KTĐK&quot;.</translation>
    </message>
    <message>
        <source>Class %1 is a primary class, but the file has no &quot;Mức đạt được&quot;, &quot;Điểm KTĐK&quot; or &quot;Nhận xét&quot; column.</source>
        <translation>Lớp %1 là lớp tiểu học, nhưng tệp không có cột &quot;Mức đạt được&quot;, &quot;Điểm KTĐK&quot; hay &quot;Nhận xét&quot;.</translation>
    </message>
    <message>
        <source>Class %1 is a THCS class, but the file has no &quot;ĐĐGtx&quot;, &quot;ĐĐGgk&quot;, &quot;ĐĐGck&quot; or &quot;Nhận xét&quot; column.</source>
        <translation>Lớp %1 là lớp THCS, nhưng tệp không có cột &quot;ĐĐGtx&quot;, &quot;ĐĐGgk&quot;, &quot;ĐĐGck&quot; hay &quot;Nhận xét&quot;.</translation>
    </message>
    <message>
        <source>Tin học and Công nghệ each have their own row in the record: import one book for Tin học (tin_hoc) and one for Công nghệ (cong_nghe).</source>
        <translation>Tin học và Công nghệ có dòng riêng trong học bạ: hãy nhập một sổ điểm cho Tin học (tin_hoc) và một sổ cho Công nghệ (cong_nghe).</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::HomeroomImport</name>
    <message>
        <source>&quot;%1&quot; is not a conduct result: write T (Tốt), K (Khá), Đ (Đạt) or CĐ (Chưa đạt).</source>
        <translation>&quot;%1&quot; không phải kết quả rèn luyện: hãy ghi T (Tốt), K (Khá), Đ (Đạt) hoặc CĐ (Chưa đạt).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number of sessions missed: write a whole number such as 0 or 3.</source>
        <translation>&quot;%1&quot; không phải số buổi nghỉ: hãy ghi một số nguyên, ví dụ 0 hoặc 3.</translation>
    </message>
    <message>
        <source>The total of sessions missed (%1) is not the excused (%2) plus the unexcused (%3) ones.</source>
        <translation>Tổng số buổi nghỉ (%1) không bằng số buổi nghỉ có phép (%2) cộng không phép (%3).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a level: write T (Tốt), Đ (Đạt) or C (Cần cố gắng).</source>
        <translation>&quot;%1&quot; không phải mức đánh giá: hãy ghi T (Tốt), Đ (Đạt) hoặc C (Cần cố gắng).</translation>
    </message>
    <message>
        <source>Class %1 is a THCS class, but the file has no &quot;Rèn luyện HK1&quot;, &quot;Rèn luyện HK2&quot;, &quot;Số buổi nghỉ&quot; or &quot;Nhận xét&quot; column.</source>
        <translation>Lớp %1 là lớp THCS, nhưng tệp không có cột &quot;Rèn luyện HK1&quot;, &quot;Rèn luyện HK2&quot;, &quot;Số buổi nghỉ&quot; hay &quot;Nhận xét&quot;.</translation>
    </message>
    <message>
        <source>Say which semester the column &quot;%1&quot; is for: hk1 or hk2 (the title names none), or head it &quot;Rèn luyện HK1&quot; or &quot;Rèn luyện HK2&quot;.</source>
        <translation>Hãy cho biết cột &quot;%1&quot; thuộc học kì nào: hk1 hoặc hk2 (tiêu đề của tệp không ghi), hoặc đặt tên cột là &quot;Rèn luyện HK1&quot; hay &quot;Rèn luyện HK2&quot;.</translation>
    </message>
    <message>
        <source>No header row found: one of the first %1 rows must name the columns, with at least &quot;Họ và tên&quot; (or &quot;Họ đệm&quot; and &quot;Tên&quot;) and a column such as &quot;Rèn luyện HK1&quot;, &quot;Số buổi nghỉ&quot;, &quot;Yêu nước&quot; or &quot;Nhận xét&quot;.</source>
        <translation>Không tìm thấy dòng tiêu đề cột: một trong %1 dòng đầu phải ghi tên các cột, ít nhất có &quot;Họ và tên&quot; (hoặc &quot;Họ đệm&quot; và &quot;Tên&quot;) và một cột như &quot;Rèn luyện HK1&quot;, &quot;Số buổi nghỉ&quot;, &quot;Yêu nước&quot; hay &quot;Nhận xét&quot;.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a height in centimetres: write a number such as 132 or 132,5.</source>
        <translation>&quot;%1&quot; không phải chiều cao tính bằng xăng-ti-mét: hãy ghi một số như 132 hoặc 132,5.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a weight in kilograms: write a number such as 30 or 30,5.</source>
        <translation>&quot;%1&quot; không phải cân nặng tính bằng ki-lô-gam: hãy ghi một số như 30 hoặc 30,5.</translation>
    </message>
    <message>
        <source>Class %1 is a primary class: its book has a column for each quality and competency (&quot;Yêu nước&quot;, &quot;Tự chủ và tự học&quot;, …), &quot;Nhận xét&quot;, &quot;Chiều cao&quot;, &quot;Cân nặng&quot;, days absent &quot;P&quot; and &quot;K&quot;, and no conduct.</source>
        <translation>Lớp %1 là lớp tiểu học: sổ của lớp có một cột cho mỗi phẩm chất và năng lực (&quot;Yêu nước&quot;, &quot;Tự chủ và tự học&quot;, …), cột &quot;Nhận xét&quot;, &quot;Chiều cao&quot;, &quot;Cân nặng&quot;, số ngày nghỉ &quot;P&quot; và &quot;K&quot;, không có rèn luyện.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::Import</name>
    <message>
        <source>The school file has no school years yet: add a class for the year first.</source>
        <translation>Tệp dữ liệu chưa có năm học nào: hãy thêm một lớp cho năm học trước.</translation>
    </message>
    <message>
        <source>The file has no sheet.</source>
        <translation>Tệp không có trang tính nào.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::ImportBatch</name>
    <message>
        <source>The record of this import is damaged; it cannot be undone.</source>
        <translation>Dữ liệu lưu lại của lần nhập này bị hỏng; không thể hoàn tác.</translation>
    </message>
    <message>
        <source>There is no such import in this school file. Nothing was changed.</source>
        <translation>Tệp dữ liệu không có lần nhập này. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>This import can no longer be undone: the school file has changed since (or the import was already undone). Nothing was changed; correct the values by hand or import a corrected file.</source>
        <translation>Không thể hoàn tác lần nhập này nữa: tệp dữ liệu đã thay đổi sau đó (hoặc lần nhập đã được hoàn tác). Chưa có gì bị thay đổi; hãy sửa trực tiếp các giá trị hoặc nhập một tệp đã sửa.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::PrintLog</name>
    <message>
        <source>School year %1 of record %2 was revoked: a revoked school year cannot be printed as a school copy.</source>
        <translation>Năm học %1 của học bạ %2 đã bị thu hồi: không thể in năm học đã thu hồi thành bản in của nhà trường.</translation>
    </message>
    <message>
        <source>version %1 (not signed yet: it prints as a draft)</source>
        <translation>phiên bản %1 (chưa ký: sẽ được in dưới dạng bản nháp)</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>phiên bản %1</translation>
    </message>
    <message>
        <source>Version %1 of school year %2 of record %3 has been replaced: only the current version is printed, which is %4.</source>
        <translation>Phiên bản %1 của năm học %2 trong học bạ %3 đã được thay thế: chỉ in phiên bản hiện hành, tức là %4.</translation>
    </message>
    <message>
        <source>School year %1 of record %2 was revoked: a book with a revoked school year cannot be printed as a school copy.</source>
        <translation>Năm học %1 của học bạ %2 đã bị thu hồi: không thể in cuốn học bạ có năm học đã thu hồi thành bản in của nhà trường.</translation>
    </message>
    <message>
        <source>Printing was cancelled before this record.</source>
        <translation>Việc in đã bị huỷ trước khi đến học bạ này.</translation>
    </message>
    <message>
        <source>school archive</source>
        <translation>lưu trữ tại trường</translation>
    </message>
    <message>
        <source>transfer to another school</source>
        <translation>chuyển trường</translation>
    </message>
    <message>
        <source>for the parents</source>
        <translation>cấp cho cha mẹ học sinh</translation>
    </message>
    <message>
        <source>other</source>
        <translation>khác</translation>
    </message>
    <message>
        <source>The number of copies must be from 1 to %1.</source>
        <translation>Số bản in phải từ 1 đến %1.</translation>
    </message>
    <message>
        <source>The note is too long: at most %1 characters.</source>
        <translation>Ghi chú quá dài: tối đa %1 ký tự.</translation>
    </message>
    <message>
        <source>Say in the note why the copy is printed (the reason is &quot;other&quot;).</source>
        <translation>Hãy ghi rõ lý do in vào phần ghi chú (lý do đã chọn là &quot;khác&quot;).</translation>
    </message>
    <message>
        <source>There is no school year section number %1.</source>
        <translation>Không có năm học nào mang số %1.</translation>
    </message>
    <message>
        <source>School year %1 of record %2 changed while it was being printed; print it again.</source>
        <translation>Năm học %1 của học bạ %2 đã thay đổi trong lúc đang in; hãy in lại.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Không tạo được thư mục %1.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Không ghi được %1.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::PrintSettings</name>
    <message>
        <source>&quot;%1&quot; is not a web address the lookup portal can have: write it whole, starting with https:// (or http://), e.g. https://tracuu.sogd.example.vn/.</source>
        <translation>&quot;%1&quot; không phải là địa chỉ web của cổng tra cứu: hãy ghi đầy đủ, bắt đầu bằng https:// (hoặc http://), ví dụ https://tracuu.sogd.example.vn/.</translation>
    </message>
    <message>
        <source>The lookup portal&apos;s address must not contain &quot;?&quot; or &quot;#&quot;: the QR codes add the record&apos;s code after it (&quot;?ma=…&quot;).</source>
        <translation>Địa chỉ cổng tra cứu không được chứa &quot;?&quot; hoặc &quot;#&quot;: mã QR thêm mã tra cứu của học bạ vào sau địa chỉ này (&quot;?ma=…&quot;).</translation>
    </message>
    <message>
        <source>The lookup portal&apos;s address is too long for the QR codes (at most 200 characters).</source>
        <translation>Địa chỉ cổng tra cứu quá dài cho mã QR (tối đa 200 ký tự).</translation>
    </message>
    <message>
        <source>The seal image is too large (%1 KB); at most %2 KB is accepted. Scan it at a lower resolution or save it as PNG.</source>
        <translation>Ảnh con dấu quá lớn (%1 KB); chỉ nhận tối đa %2 KB. Hãy quét ở độ phân giải thấp hơn hoặc lưu dưới dạng PNG.</translation>
    </message>
    <message>
        <source>The seal image must be a PNG or JPEG file.</source>
        <translation>Ảnh con dấu phải là tệp PNG hoặc JPEG.</translation>
    </message>
    <message>
        <source>The seal image is %1 × %2 pixels; at most %3 pixels on either side is accepted.</source>
        <translation>Ảnh con dấu có kích thước %1 × %2 điểm ảnh; mỗi chiều chỉ nhận tối đa %3 điểm ảnh.</translation>
    </message>
    <message>
        <source>The seal image cannot be read: the file is damaged.</source>
        <translation>Không đọc được ảnh con dấu: tệp bị hỏng.</translation>
    </message>
    <message>
        <source>The seal image could not be converted to PNG.</source>
        <translation>Không chuyển được ảnh con dấu sang PNG.</translation>
    </message>
    <message>
        <source>Cannot read the file %1. Check the name and try again.</source>
        <translation>Không đọc được tệp %1. Hãy kiểm tra tên tệp rồi thử lại.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::RecordDocuments</name>
    <message>
        <source>The school year of this record no longer exists.</source>
        <translation>Năm học này của học bạ không còn tồn tại.</translation>
    </message>
    <message>
        <source>The signed files of school year %1, received from %2, do not verify, so the record is not printed.</source>
        <translation>Các tệp đã ký của năm học %1, nhận từ %2, không kiểm tra được chữ ký nên không in học bạ.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::ResultsCache</name>
    <message>
        <source>The school year of this record no longer exists.</source>
        <translation>Năm học này của học bạ không còn trong dữ liệu.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::SchoolFileCheck</name>
    <message>
        <source>Signature %1 is stored out of order.</source>
        <translation>Chữ ký thứ %1 được lưu sai thứ tự.</translation>
    </message>
    <message>
        <source>The stored packet of signature %1 does not match its recorded digest.</source>
        <translation>Gói dữ liệu lưu kèm chữ ký thứ %1 không khớp với mã băm đã ghi.</translation>
    </message>
    <message>
        <source>The certificate of signature %1 does not match its recorded fingerprint.</source>
        <translation>Chứng thư số của chữ ký thứ %1 không khớp với dấu vân tay đã ghi.</translation>
    </message>
    <message>
        <source>The packet of signature %1 is not the packet of signature %2 with one more signature.</source>
        <translation>Gói dữ liệu của chữ ký thứ %1 không phải là gói dữ liệu của chữ ký thứ %2 có thêm một chữ ký.</translation>
    </message>
    <message>
        <source>A PDF is stored with signature %1, which did not complete the section.</source>
        <translation>Có tệp PDF lưu kèm chữ ký thứ %1, trong khi chữ ký này chưa phải chữ ký hoàn tất năm học.</translation>
    </message>
    <message>
        <source>No signed PDF is stored.</source>
        <translation>Không có tệp PDF đã ký nào được lưu.</translation>
    </message>
    <message>
        <source>The stored PDF cannot be checked: %1</source>
        <translation>Không kiểm tra được tệp PDF đã lưu: %1</translation>
    </message>
    <message>
        <source>The stored PDF does not verify: %1</source>
        <translation>Tệp PDF đã lưu không hợp lệ: %1</translation>
    </message>
    <message>
        <source>The stored PDF does not carry the stored signed packet.</source>
        <translation>Tệp PDF đã lưu không chứa gói dữ liệu đã ký được lưu.</translation>
    </message>
    <message>
        <source>The stored PDF was not signed with the certificate that completed the section.</source>
        <translation>Tệp PDF đã lưu không được ký bằng chứng thư số của người ký hoàn tất năm học.</translation>
    </message>
    <message>
        <source>The signatures in the signed packet are not the stored signatures (roles, signers, times or order differ).</source>
        <translation>Các chữ ký trong gói dữ liệu đã ký không phải là các chữ ký đã lưu (khác vai trò, người ký, thời điểm ký hoặc thứ tự).</translation>
    </message>
    <message>
        <source>The signed packet belongs to another record (%1).</source>
        <translation>Gói dữ liệu đã ký thuộc về một học bạ khác (%1).</translation>
    </message>
    <message>
        <source>The signed packet is for school year %1, version %2, grade %3, not for this section.</source>
        <translation>Gói dữ liệu đã ký là của năm học %1, phiên bản %2, lớp %3, không phải của năm học này.</translation>
    </message>
    <message>
        <source>The signed packet names class %1; the section is in class %2.</source>
        <translation>Gói dữ liệu đã ký ghi lớp %1, nhưng năm học này thuộc lớp %2.</translation>
    </message>
    <message>
        <source>The signed packet is marked as a draft.</source>
        <translation>Gói dữ liệu đã ký lại được đánh dấu là bản nháp.</translation>
    </message>
    <message>
        <source>The marks or results in the school file differ from the signed packet (%1).</source>
        <translation>Điểm hoặc kết quả trong tệp dữ liệu khác với gói dữ liệu đã ký (%1).</translation>
    </message>
    <message>
        <source>The stored results differ from the results of the signed packet.</source>
        <translation>Kết quả đã lưu khác với kết quả trong gói dữ liệu đã ký.</translation>
    </message>
    <message>
        <source>No signed documents are stored for it.</source>
        <translation>Không có hồ sơ đã ký nào được lưu cho năm học này.</translation>
    </message>
    <message>
        <source>The signed packet cannot be read: %1</source>
        <translation>Không đọc được gói dữ liệu đã ký: %1</translation>
    </message>
    <message>
        <source>%1, school year %2, version %3</source>
        <translation>%1, năm học %2, phiên bản %3</translation>
    </message>
    <message>
        <source>This school year of a record is not signed.</source>
        <translation>Năm học này của học bạ chưa được ký.</translation>
    </message>
    <message>
        <source>%1: the stored signed documents do not verify, so they are not used: %2</source>
        <translation>%1: hồ sơ đã ký được lưu không hợp lệ nên không được sử dụng: %2</translation>
    </message>
    <message>
        <source>Archive time-stamp extension %1 of the stored PDF is not the PDF before it with data appended.</source>
        <translation>Bản gia hạn dấu thời gian lưu trữ thứ %1 của tệp PDF đã lưu không phải là tệp PDF trước nó có thêm dữ liệu ở cuối.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::SchoolLint</name>
    <message>
        <source>There is no class %1 in school year %2.</source>
        <translation>Không có lớp %1 trong năm học %2.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::SchoolSetup</name>
    <message>
        <source>The school&apos;s name, code and province are required.</source>
        <translation>Cần có tên trường, mã trường và tỉnh/thành phố.</translation>
    </message>
    <message>
        <source>Choose the levels the school teaches.</source>
        <translation>Hãy chọn các cấp học của trường.</translation>
    </message>
    <message>
        <source>The school year is not valid.</source>
        <translation>Năm học không hợp lệ.</translation>
    </message>
    <message>
        <source>%1 already exists; a new school needs a new file.</source>
        <translation>%1 đã tồn tại; trường mới cần một tệp dữ liệu mới.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Không ghi được %1.</translation>
    </message>
    <message>
        <source>A class name starts with its grade, for example 6A1 or 3B: &quot;%1&quot;.</source>
        <translation>Tên lớp phải bắt đầu bằng khối lớp, ví dụ 6A1 hoặc 3B: &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The school does not teach grade %1.</source>
        <translation>Trường không có khối %1.</translation>
    </message>
    <message>
        <source>The school year %1 is not open in this file.</source>
        <translation>Năm học %1 chưa được mở trong tệp dữ liệu này.</translation>
    </message>
    <message>
        <source>There is already a class %1 in %2.</source>
        <translation>Năm học %2 đã có lớp %1.</translation>
    </message>
    <message>
        <source>Give the principal&apos;s full name.</source>
        <translation>Hãy nhập họ và tên hiệu trưởng.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::SectionConfirmer</name>
    <message>
        <source>Has errors that must be corrected.</source>
        <translation>Có lỗi cần sửa.</translation>
    </message>
    <message>
        <source>Has warnings that must be acknowledged.</source>
        <translation>Có cảnh báo cần được ghi nhận.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::SectionSigner</name>
    <message>
        <source>The school year of this record no longer exists.</source>
        <translation>Năm học này của học bạ không còn tồn tại.</translation>
    </message>
    <message>
        <source>Study history copied from the paper book is never signed.</source>
        <translation>Quá trình học tập chép từ học bạ giấy không bao giờ được ký.</translation>
    </message>
    <message>
        <source>Not confirmed by the homeroom teacher yet (draft).</source>
        <translation>Giáo viên chủ nhiệm chưa xác nhận (đang là bản nháp).</translation>
    </message>
    <message>
        <source>Already signed (%1).</source>
        <translation>Đã ký (%1).</translation>
    </message>
    <message>
        <source>Already signed in this role (%1).</source>
        <translation>Đã ký với vai trò này (%1).</translation>
    </message>
    <message>
        <source>The record changed after the first signature; it must be confirmed and signed again as a new version.</source>
        <translation>Học bạ đã thay đổi sau chữ ký đầu tiên; cần xác nhận và ký lại thành một phiên bản mới.</translation>
    </message>
    <message>
        <source>Signed elsewhere while this batch was running.</source>
        <translation>Đã được ký ở nơi khác trong lúc đợt ký này đang chạy.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::SigningPlan</name>
    <message>
        <source>There is no class %1 in the school year %2.</source>
        <translation>Năm học %2 không có lớp %1.</translation>
    </message>
    <message>
        <source>The token holds no certificate.</source>
        <translation>Token không chứa chứng thư số nào.</translation>
    </message>
    <message>
        <source>The token has no certificate with id %1.</source>
        <translation>Token không có chứng thư số mã %1.</translation>
    </message>
    <message>
        <source>Signed: %1, skipped: %2, failed: %3.</source>
        <translation>Đã ký: %1, bỏ qua: %2, không ký được: %3.</translation>
    </message>
    <message>
        <source>Signing was stopped. %1 record(s) were not signed yet; they stay confirmed and can be signed later.</source>
        <translation>Đã dừng ký. Còn %1 hồ sơ chưa ký; các hồ sơ này vẫn ở trạng thái đã xác nhận và có thể ký sau.</translation>
    </message>
    <message>
        <source>Signing stopped: %1. %2 record(s) were not signed yet; they stay confirmed and can be signed later.</source>
        <translation>Đã dừng ký: %1. Còn %2 hồ sơ chưa ký; các hồ sơ này vẫn ở trạng thái đã xác nhận và có thể ký sau.</translation>
    </message>
    <message>
        <source>%1 record(s) still need the signature of another role before they are complete.</source>
        <translation>%1 hồ sơ còn chờ chữ ký của người có vai trò khác mới hoàn tất.</translation>
    </message>
    <message>
        <source>Skipped:</source>
        <translation>Bỏ qua:</translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation>Không ký được:</translation>
    </message>
    <message>
        <source>Batch %1: %2 signed, %3 skipped, %4 failed, %5 left for a later run (%6 s).</source>
        <translation>Đợt ký %1: đã ký %2, bỏ qua %3, thất bại %4, còn %5 cho lần chạy sau (%6 giây).</translation>
    </message>
    <message>
        <source>skipped %1: %2</source>
        <translation>bỏ qua %1: %2</translation>
    </message>
    <message>
        <source>failed %1: %2</source>
        <translation>thất bại %1: %2</translation>
    </message>
    <message>
        <source>%1 sections are not confirmed yet (run &quot;confirm&quot; first).</source>
        <translation>%1 hồ sơ chưa được xác nhận (hãy chạy &quot;confirm&quot; trước).</translation>
    </message>
    <message>
        <source>Cancelled: run the same command again to continue.</source>
        <translation>Đã huỷ: chạy lại đúng lệnh này để tiếp tục.</translation>
    </message>
    <message>
        <source>WARNING: %1</source>
        <translation>CẢNH BÁO: %1</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::StudentImport</name>
    <message>
        <source>The student&apos;s name is missing.</source>
        <translation>Thiếu họ tên học sinh.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a date as dd/mm/yyyy.</source>
        <translation>&quot;%1&quot; không phải ngày theo dạng dd/mm/yyyy.</translation>
    </message>
    <message>
        <source>The gender must be Nam or Nữ.</source>
        <translation>Giới tính phải là Nam hoặc Nữ.</translation>
    </message>
    <message>
        <source>The class is missing.</source>
        <translation>Thiếu lớp.</translation>
    </message>
    <message>
        <source>%1 students in the school file have this name and birth date.</source>
        <translation>Tệp dữ liệu của trường có %1 học sinh cùng họ tên và ngày sinh này.</translation>
    </message>
    <message>
        <source>The school file has this student with another %1.</source>
        <translation>Tệp dữ liệu của trường có học sinh này nhưng với %1 khác.</translation>
    </message>
    <message>
        <source>The class %1 was not saved.</source>
        <translation>Lớp %1 chưa được lưu.</translation>
    </message>
    <message>
        <source>The student is already in another class in %1.</source>
        <translation>Học sinh đã ở một lớp khác trong năm học %1.</translation>
    </message>
    <message>
        <source>No header row found: one of the first %1 rows must name the columns, with at least &quot;Họ và tên&quot; (or &quot;Họ đệm&quot; and &quot;Tên&quot;) and &quot;Ngày sinh&quot;.</source>
        <translation>Không tìm thấy dòng tiêu đề: một trong %1 dòng đầu phải ghi tên các cột, ít nhất có &quot;Họ và tên&quot; (hoặc &quot;Họ đệm&quot; và &quot;Tên&quot;) và &quot;Ngày sinh&quot;.</translation>
    </message>
    <message>
        <source>The row is for class %1; this import takes only class %2.</source>
        <translation>Dòng này thuộc lớp %1; lần nhập này chỉ nhận lớp %2.</translation>
    </message>
    <message>
        <source>The same student as row %1: none of these rows is imported; keep one and import again.</source>
        <translation>Trùng học sinh với dòng %1: không dòng nào trong số này được nhập; hãy giữ lại một dòng rồi nhập lại.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::Transfer</name>
    <message>
        <source>school year %1, version %2</source>
        <translation>năm học %1, phiên bản %2</translation>
    </message>
    <message>
        <source>Cannot write the transfer package %1.</source>
        <translation>Không ghi được gói chuyển trường %1.</translation>
    </message>
    <message>
        <source>The transfer package was refused: %1</source>
        <translation>Gói chuyển trường bị từ chối: %1</translation>
    </message>
    <message>
        <source>The file %1 does not exist.</source>
        <translation>Tệp %1 không tồn tại.</translation>
    </message>
    <message>
        <source>the file is far larger than any transfer package.</source>
        <translation>tệp lớn hơn nhiều so với bất kỳ gói chuyển trường nào.</translation>
    </message>
    <message>
        <source>it is not a readable zip file.</source>
        <translation>tệp không phải là tệp zip đọc được.</translation>
    </message>
    <message>
        <source>it holds %1 files, more than a transfer package can.</source>
        <translation>gói chứa %1 tệp, nhiều hơn số tệp một gói chuyển trường được phép có.</translation>
    </message>
    <message>
        <source>a file in it has no name.</source>
        <translation>có một tệp trong gói không có tên.</translation>
    </message>
    <message>
        <source>it holds a file that no transfer package has (%1).</source>
        <translation>gói chứa một tệp mà gói chuyển trường không bao giờ có (%1).</translation>
    </message>
    <message>
        <source>it holds the file %1 twice.</source>
        <translation>gói chứa tệp %1 hai lần.</translation>
    </message>
    <message>
        <source>the file %1 in it is damaged.</source>
        <translation>tệp %1 trong gói bị hỏng.</translation>
    </message>
    <message>
        <source>the file %1 in it is encrypted.</source>
        <translation>tệp %1 trong gói bị mã hoá.</translation>
    </message>
    <message>
        <source>the file %1 in it is larger than any signed record file.</source>
        <translation>tệp %1 trong gói lớn hơn bất kỳ tệp học bạ đã ký nào.</translation>
    </message>
    <message>
        <source>the file %1 in it unpacks to more than %2 times its size (a &quot;zip bomb&quot;).</source>
        <translation>tệp %1 trong gói khi giải nén lớn hơn %2 lần kích thước của nó (một &quot;zip bomb&quot;).</translation>
    </message>
    <message>
        <source>Give the MOET code of the school the pupil moves to.</source>
        <translation>Hãy nhập mã trường (của Bộ GD&amp;ĐT) của trường học sinh chuyển đến.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist. Choose a folder for the transfer package.</source>
        <translation>Thư mục %1 không tồn tại. Hãy chọn thư mục để lưu gói chuyển trường.</translation>
    </message>
    <message>
        <source>The school&apos;s details are not set yet.</source>
        <translation>Chưa nhập thông tin của trường.</translation>
    </message>
    <message>
        <source>The school the pupil moves to must be another school, not this one (%1).</source>
        <translation>Trường học sinh chuyển đến phải là một trường khác, không phải trường này (%1).</translation>
    </message>
    <message>
        <source>No student with the MOET code %1 has a record in this school file.</source>
        <translation>Không có học sinh nào có mã định danh Bộ GDĐT %1 có học bạ trong tệp dữ liệu này.</translation>
    </message>
    <message>
        <source>This record was already transferred to another school; it cannot be transferred again from here.</source>
        <translation>Học bạ này đã chuyển sang trường khác; không thể chuyển thêm lần nữa từ trường này.</translation>
    </message>
    <message>
        <source>The school year %1 of this record is not signed yet. Sign it, or finish it first, before the transfer.</source>
        <translation>Năm học %1 của học bạ này chưa được ký. Hãy hoàn tất và ký năm học đó trước khi chuyển trường.</translation>
    </message>
    <message>
        <source>The signed files of school year %1, version %2 are missing from this school file.</source>
        <translation>Tệp dữ liệu của trường thiếu các tệp đã ký của năm học %1, phiên bản %2.</translation>
    </message>
    <message>
        <source>The stored signed files of school year %1, version %2 do not verify, so the package is not made.</source>
        <translation>Các tệp đã ký được lưu của năm học %1, phiên bản %2 không kiểm tra được chữ ký, nên gói chuyển trường không được lập.</translation>
    </message>
    <message>
        <source>This record has no signed school year yet, so there is nothing to hand over. Sign its years first.</source>
        <translation>Học bạ này chưa có năm học nào được ký nên chưa có gì để bàn giao. Hãy ký các năm học trước.</translation>
    </message>
    <message>
        <source>Two signed versions of %1 have the same number; the package cannot hold both.</source>
        <translation>Hai phiên bản đã ký của năm học %1 có cùng số phiên bản; gói chuyển trường không chứa được cả hai.</translation>
    </message>
    <message>
        <source>This record has more signed versions than a package can hold.</source>
        <translation>Học bạ này có nhiều phiên bản đã ký hơn số một gói chuyển trường chứa được.</translation>
    </message>
    <message>
        <source>The file %1 already exists. Move it away or choose another folder.</source>
        <translation>Tệp %1 đã có. Hãy chuyển tệp đó đi chỗ khác hoặc chọn thư mục khác.</translation>
    </message>
    <message>
        <source>it has no transfer statement (statement.xml).</source>
        <translation>gói không có giấy chuyển trường (statement.xml).</translation>
    </message>
    <message>
        <source>The transfer statement&apos;s signature is not valid or not trusted by this school (a principal&apos;s signature from a certificate authority in this school&apos;s trust list is needed).</source>
        <translation>Chữ ký trên văn bản chuyển trường không hợp lệ hoặc không được trường này tin cậy (cần chữ ký của hiệu trưởng, bằng chứng thư số của một tổ chức chứng thực có trong danh sách tin cậy của trường).</translation>
    </message>
    <message>
        <source>The package is for another school (MOET code %1), not this one (%2).</source>
        <translation>Gói này dành cho trường khác (mã %1), không phải trường này (%2).</translation>
    </message>
    <message>
        <source>The statement lists more versions than a package can hold.</source>
        <translation>Văn bản chuyển trường liệt kê nhiều phiên bản hơn số một gói chuyển trường chứa được.</translation>
    </message>
    <message>
        <source>This school file already has the record with lookup code %1.</source>
        <translation>Tệp dữ liệu của trường đã có học bạ với mã tra cứu %1.</translation>
    </message>
    <message>
        <source>The statement lists %1 twice.</source>
        <translation>Văn bản chuyển trường liệt kê %1 hai lần.</translation>
    </message>
    <message>
        <source>The package holds %1, which the statement does not list.</source>
        <translation>Gói có tệp %1 mà giấy chuyển trường không liệt kê.</translation>
    </message>
    <message>
        <source>The signed packet is missing from the package.</source>
        <translation>Gói thiếu tệp dữ liệu đã ký.</translation>
    </message>
    <message>
        <source>The signed PDF is missing from the package.</source>
        <translation>Gói thiếu tệp PDF đã ký.</translation>
    </message>
    <message>
        <source>The packet is not the one the statement lists (it was changed or replaced).</source>
        <translation>Tệp dữ liệu không đúng tệp giấy chuyển trường liệt kê (đã bị sửa hoặc thay).</translation>
    </message>
    <message>
        <source>The packet&apos;s signatures do not verify with this school&apos;s trust list.</source>
        <translation>Chữ ký trên gói dữ liệu không được xác thực theo danh sách tin cậy của trường này.</translation>
    </message>
    <message>
        <source>The packet belongs to another record.</source>
        <translation>Tệp dữ liệu thuộc học bạ khác.</translation>
    </message>
    <message>
        <source>The packet is a draft, not a signed version.</source>
        <translation>Gói dữ liệu là bản nháp, không phải một phiên bản đã ký.</translation>
    </message>
    <message>
        <source>The packet&apos;s school year, version, grade or school differ from the statement.</source>
        <translation>Năm học, phiên bản, khối lớp hoặc trường trong gói dữ liệu khác với văn bản chuyển trường.</translation>
    </message>
    <message>
        <source>The packet names another student than the statement.</source>
        <translation>Tệp dữ liệu ghi học sinh khác với giấy chuyển trường.</translation>
    </message>
    <message>
        <source>The PDF is not the one the statement lists (it was changed or replaced).</source>
        <translation>Tệp PDF không đúng tệp giấy chuyển trường liệt kê (đã bị sửa hoặc thay).</translation>
    </message>
    <message>
        <source>The PDF&apos;s signatures do not verify with this school&apos;s trust list.</source>
        <translation>Chữ ký trên tệp PDF không được xác thực theo danh sách tin cậy của trường này.</translation>
    </message>
    <message>
        <source>The PDF carries another packet than the one listed.</source>
        <translation>Tệp PDF chứa một gói dữ liệu khác với gói được liệt kê.</translation>
    </message>
    <message>
        <source>The statement lists no signed version.</source>
        <translation>Văn bản chuyển trường không liệt kê phiên bản đã ký nào.</translation>
    </message>
    <message>
        <source>This school file has no school year yet.</source>
        <translation>Tệp dữ liệu của trường chưa có năm học nào.</translation>
    </message>
    <message>
        <source>There is no class %1 in the school year %2.</source>
        <translation>Năm học %2 không có lớp %1.</translation>
    </message>
    <message>
        <source>The class %1 is not of the record&apos;s level.</source>
        <translation>Lớp %1 không thuộc cấp học của học bạ này.</translation>
    </message>
    <message>
        <source>The record could not keep its lookup code.</source>
        <translation>Học bạ không giữ được mã tra cứu của mình.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::TrustAnchors</name>
    <message>
        <source>The certificate &quot;%1&quot; is already a trust anchor of this school.</source>
        <translation>Chứng thư số &quot;%1&quot; đã có trong danh sách gốc tin cậy của trường.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::TsaSettings</name>
    <message>
        <source>&quot;%1&quot; is not the address of a time-stamping server: write it whole, starting with https:// (or http://), as the certification service provider gives it.</source>
        <translation>&quot;%1&quot; không phải là địa chỉ máy chủ cấp dấu thời gian: hãy ghi đầy đủ, bắt đầu bằng https:// (hoặc http://), như nhà cung cấp dịch vụ chứng thực cho.</translation>
    </message>
</context>
<context>
    <name>hocba::lifecycle::YearOpening</name>
    <message>
        <source>This student has no class in %1; put them in a class first.</source>
        <translation>Học sinh này chưa có lớp trong năm học %1; hãy xếp lớp cho học sinh trước.</translation>
    </message>
    <message>
        <source>This year&apos;s record was revoked and has no replacement; replace it first.</source>
        <translation>Học bạ năm học này đã bị thu hồi mà chưa có bản thay thế; hãy lập bản thay thế trước.</translation>
    </message>
    <message>
        <source>The homeroom teacher has not confirmed this year&apos;s results yet; confirm them first.</source>
        <translation>Giáo viên chủ nhiệm chưa xác nhận kết quả năm học này; hãy xác nhận trước.</translation>
    </message>
    <message>
        <source>Summer training or a re-assessment has no result yet; enter it, then open the year.</source>
        <translation>Chưa có kết quả rèn luyện trong hè hoặc kiểm tra, đánh giá lại; hãy nhập kết quả rồi mở năm học.</translation>
    </message>
    <message>
        <source>The year&apos;s results are incomplete, so promotion cannot be decided; complete them and confirm again.</source>
        <translation>Kết quả cả năm chưa đủ nên chưa xét được lên lớp; hãy nhập đủ rồi xác nhận lại.</translation>
    </message>
    <message>
        <source>The school year %1 is already open in this file.</source>
        <translation>Năm học %1 đã được mở trong tệp này.</translation>
    </message>
    <message>
        <source>A new school year is opened from the one just before it, the last in the file (%1); open %2 next.</source>
        <translation>Năm học mới được mở từ năm học ngay trước nó, là năm học cuối cùng trong tệp (%1); năm học cần mở tiếp theo là %2.</translation>
    </message>
    <message>
        <source>This file has no school yet.</source>
        <translation>Tệp này chưa có thông tin trường.</translation>
    </message>
    <message>
        <source>The school year %1 cannot be opened yet: %2 student(s) have problems to fix first.</source>
        <translation>Chưa thể mở năm học %1: còn %2 học sinh có vấn đề cần xử lý trước.</translation>
    </message>
    <message>
        <source>The school file changed after the preview; preview the opening of %1 again.</source>
        <translation>Tệp dữ liệu của trường đã thay đổi sau khi xem trước; hãy xem trước việc mở năm học %1 lại.</translation>
    </message>
</context>
<context>
    <name>hocba::packet::PacketBuilder</name>
    <message>
        <source>The school is not set up in this data file yet.</source>
        <translation>Tệp dữ liệu này chưa khai báo thông tin nhà trường.</translation>
    </message>
    <message>
        <source>This school year of a record does not exist.</source>
        <translation>Không tìm thấy năm học này trong học bạ.</translation>
    </message>
    <message>
        <source>The record of this school year does not exist.</source>
        <translation>Không tìm thấy học bạ của năm học này.</translation>
    </message>
    <message>
        <source>The student of this record does not exist.</source>
        <translation>Không tìm thấy học sinh của học bạ này.</translation>
    </message>
    <message>
        <source>This record does not exist.</source>
        <translation>Không tìm thấy học bạ này.</translation>
    </message>
    <message>
        <source>There is no class %1 in the school year %2.</source>
        <translation>Năm học %2 không có lớp %1.</translation>
    </message>
</context>
<context>
    <name>hocba::packet::PacketReader</name>
    <message>
        <source>Line %1: %2</source>
        <translation>Dòng %1: %2</translation>
    </message>
    <message>
        <source>Line %1, element &lt;%2&gt;: %3</source>
        <translation>Dòng %1, phần tử &lt;%2&gt;: %3</translation>
    </message>
    <message>
        <source>the text is not in Unicode NFC form (a packet is always written in NFC)</source>
        <translation>văn bản không ở dạng chuẩn Unicode NFC (gói dữ liệu luôn được ghi ở dạng NFC)</translation>
    </message>
    <message>
        <source>the attribute %1 is not in Unicode NFC form</source>
        <translation>thuộc tính %1 không ở dạng chuẩn Unicode NFC</translation>
    </message>
    <message>
        <source>The file is larger than %1 MiB; it is not a record packet.</source>
        <translation>Tệp lớn hơn %1 MiB; đây không phải là gói dữ liệu học bạ.</translation>
    </message>
    <message>
        <source>a packet must not contain a document type declaration (DOCTYPE)</source>
        <translation>gói dữ liệu không được chứa khai báo kiểu tài liệu (DOCTYPE)</translation>
    </message>
    <message>
        <source>The packet schema could not be loaded.</source>
        <translation>Không tải được lược đồ gói dữ liệu.</translation>
    </message>
    <message>
        <source>Out of memory while reading the packet.</source>
        <translation>Không đủ bộ nhớ để đọc gói dữ liệu.</translation>
    </message>
    <message>
        <source>the file is empty or not XML</source>
        <translation>tệp trống hoặc không phải XML</translation>
    </message>
    <message>
        <source>the file is not well-formed XML (%1)</source>
        <translation>tệp không phải XML hợp lệ (%1)</translation>
    </message>
    <message>
        <source>unknown schema error</source>
        <translation>lỗi lược đồ không xác định</translation>
    </message>
    <message>
        <source>the packet does not match the packet schema (%1)</source>
        <translation>gói dữ liệu không đúng lược đồ quy định (%1)</translation>
    </message>
    <message>
        <source>the number in %1 is out of range</source>
        <translation>số trong %1 vượt quá giới hạn</translation>
    </message>
    <message>
        <source>%1 is not a school year like 2025-2026</source>
        <translation>%1 không phải là năm học dạng 2025-2026</translation>
    </message>
    <message>
        <source>not a valid date</source>
        <translation>ngày không hợp lệ</translation>
    </message>
    <message>
        <source>unknown code</source>
        <translation>mã không hợp lệ</translation>
    </message>
    <message>
        <source>not a score written like 7.5</source>
        <translation>không phải là điểm viết dạng 7.5</translation>
    </message>
    <message>
        <source>createdAt is not a valid time</source>
        <translation>thời điểm tạo (createdAt) không hợp lệ</translation>
    </message>
    <message>
        <source>lint findings belong only in a draft packet</source>
        <translation>kết quả kiểm tra dữ liệu chỉ được có trong gói bản nháp</translation>
    </message>
    <message>
        <source>lint findings need the results they belong to</source>
        <translation>kết quả kiểm tra dữ liệu phải đi kèm phần kết quả đánh giá</translation>
    </message>
    <message>
        <source>a packet must not contain markup declarations (such as &lt;!ENTITY&gt;)</source>
        <translation>gói dữ liệu không được chứa khai báo đánh dấu (ví dụ &lt;!ENTITY&gt;)</translation>
    </message>
    <message>
        <source>the file has more than %1 elements</source>
        <translation>tệp có hơn %1 phần tử</translation>
    </message>
    <message>
        <source>the elements are nested more than %1 levels deep</source>
        <translation>các phần tử lồng nhau sâu hơn %1 cấp</translation>
    </message>
    <message>
        <source>the element has more than %1 attributes</source>
        <translation>phần tử có hơn %1 thuộc tính</translation>
    </message>
    <message>
        <source>the semester %1 appears twice</source>
        <translation>học kì %1 xuất hiện hai lần</translation>
    </message>
    <message>
        <source>the number is out of range</source>
        <translation>số nằm ngoài khoảng cho phép</translation>
    </message>
    <message>
        <source>SignedAt is not a valid time</source>
        <translation>SignedAt không phải thời điểm hợp lệ</translation>
    </message>
    <message>
        <source>a packet of format 1 cannot carry the fields of format 1.1</source>
        <translation>gói dữ liệu định dạng 1 không thể chứa các trường của định dạng 1.1</translation>
    </message>
</context>
<context>
    <name>hocba::packet::PacketWriter</name>
    <message>
        <source>The field &lt;%1&gt; holds a control character that a packet cannot carry; remove it and try again.</source>
        <translation>Trường &lt;%1&gt; chứa ký tự điều khiển không thể đưa vào gói dữ liệu; hãy xoá ký tự đó rồi thử lại.</translation>
    </message>
</context>
<context>
    <name>hocba::packet::SignedRequest</name>
    <message>
        <source>the element &lt;%1&gt; does not belong here</source>
        <translation>thẻ &lt;%1&gt; không được phép có ở đây</translation>
    </message>
    <message>
        <source>the element &lt;%1&gt; appears twice</source>
        <translation>thẻ &lt;%1&gt; xuất hiện hai lần</translation>
    </message>
    <message>
        <source>the element &lt;%1&gt; is missing</source>
        <translation>thiếu thẻ &lt;%1&gt;</translation>
    </message>
    <message>
        <source>&lt;%1&gt; must have %2 to %3 characters</source>
        <translation>&lt;%1&gt; phải có từ %2 đến %3 ký tự</translation>
    </message>
    <message>
        <source>the lookup code is not 32 lowercase hexadecimal characters</source>
        <translation>mã tra cứu không phải 32 ký tự thập lục phân viết thường</translation>
    </message>
    <message>
        <source>not a school year like 2025-2026</source>
        <translation>không phải năm học dạng 2025-2026</translation>
    </message>
    <message>
        <source>&lt;%1&gt; is not a whole number from 1 to %2</source>
        <translation>&lt;%1&gt; không phải số nguyên từ 1 đến %2</translation>
    </message>
    <message>
        <source>not a valid date</source>
        <translation>ngày không hợp lệ</translation>
    </message>
    <message>
        <source>not a UTC time like 2026-06-20T08:15:00Z</source>
        <translation>không phải thời điểm UTC dạng 2026-06-20T08:15:00Z</translation>
    </message>
    <message>
        <source>this is not a %1 of Học bạ số (element &lt;%1&gt; in namespace %2 expected)</source>
        <translation>đây không phải %1 của Học bạ số (cần thẻ &lt;%1&gt; trong không gian tên %2)</translation>
    </message>
    <message>
        <source>format version %1 is not known to this program</source>
        <translation>chương trình không biết phiên bản định dạng %1</translation>
    </message>
    <message>
        <source>the data element has no Id &quot;data&quot;</source>
        <translation>phần dữ liệu không có Id &quot;data&quot;</translation>
    </message>
    <message>
        <source>the level is neither primary nor thcs</source>
        <translation>cấp học không phải primary (tiểu học) hay thcs (THCS)</translation>
    </message>
    <message>
        <source>the statement lists no signed version</source>
        <translation>văn bản không liệt kê phiên bản đã ký nào</translation>
    </message>
    <message>
        <source>the statement lists more than %1 versions</source>
        <translation>văn bản liệt kê hơn %1 phiên bản</translation>
    </message>
    <message>
        <source>the state is not current, superseded or revoked</source>
        <translation>trạng thái không phải current (hiện hành), superseded (đã bị thay thế) hay revoked (đã thu hồi)</translation>
    </message>
    <message>
        <source>the packet digest is not 43 base64url characters</source>
        <translation>mã băm gói dữ liệu không phải 43 ký tự base64url</translation>
    </message>
    <message>
        <source>the PDF digest is not 64 lowercase hexadecimal characters</source>
        <translation>mã băm tệp PDF không phải 64 ký tự thập lục phân viết thường</translation>
    </message>
</context>
<context>
    <name>hocba::personal_id</name>
    <message>
        <source>The personal ID number has not been entered yet.</source>
        <translation>Chưa nhập số định danh cá nhân.</translation>
    </message>
    <message>
        <source>The personal ID number must have exactly 12 digits (0–9), without spaces or letters.</source>
        <translation>Số định danh cá nhân phải gồm đúng 12 chữ số (0–9), không có dấu cách hay chữ cái.</translation>
    </message>
    <message>
        <source>The first 3 digits of the personal ID number (%1) are not the code of a province or of a country where a birth is registered.</source>
        <translation>3 chữ số đầu của số định danh cá nhân (%1) không phải là mã tỉnh, thành phố hay mã quốc gia nơi đăng ký khai sinh.</translation>
    </message>
    <message>
        <source>The date of birth is missing, so the birth year in the personal ID number cannot be checked.</source>
        <translation>Chưa có ngày sinh nên chưa kiểm tra được năm sinh trong số định danh cá nhân.</translation>
    </message>
    <message>
        <source>Digits 4 to 6 of the personal ID number stand for birth year %1, but the date of birth is in %2.</source>
        <translation>Chữ số thứ 4 đến thứ 6 của số định danh cá nhân ứng với năm sinh %1, nhưng ngày sinh lại thuộc năm %2.</translation>
    </message>
    <message>
        <source>The gender is not entered, so the gender digit of the personal ID number cannot be checked.</source>
        <translation>Chưa nhập giới tính nên chưa kiểm tra được chữ số giới tính trong số định danh cá nhân.</translation>
    </message>
    <message>
        <source>The 4th digit of the personal ID number is for a male, but the gender entered is female.</source>
        <translation>Chữ số thứ 4 của số định danh cá nhân ứng với giới tính nam, nhưng giới tính đã nhập là nữ.</translation>
    </message>
    <message>
        <source>The 4th digit of the personal ID number is for a female, but the gender entered is male.</source>
        <translation>Chữ số thứ 4 của số định danh cá nhân ứng với giới tính nữ, nhưng giới tính đã nhập là nam.</translation>
    </message>
</context>
<context>
    <name>hocba::render</name>
    <message>
        <source>Could not make the QR code.</source>
        <translation>Không tạo được mã QR.</translation>
    </message>
    <message>
        <source>The record has no school year to print.</source>
        <translation>Học bạ chưa có năm học nào để in.</translation>
    </message>
    <message>
        <source>Every school year needs the digest of its data packet.</source>
        <translation>Mỗi năm học cần có mã băm của gói dữ liệu.</translation>
    </message>
    <message>
        <source>A packet digest is not a SHA-256 value.</source>
        <translation>Mã băm của gói dữ liệu không phải giá trị SHA-256.</translation>
    </message>
    <message>
        <source>The school years belong to different records.</source>
        <translation>Các năm học thuộc về những học bạ khác nhau.</translation>
    </message>
    <message>
        <source>The print font could not be loaded.</source>
        <translation>Không nạp được phông chữ để in.</translation>
    </message>
    <message>
        <source>Could not start printing the record.</source>
        <translation>Không bắt đầu in học bạ được.</translation>
    </message>
    <message>
        <source>Could not finish printing the record.</source>
        <translation>Không hoàn tất việc in học bạ được.</translation>
    </message>
    <message>
        <source>Could not write the PDF file.</source>
        <translation>Không ghi được tệp PDF.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Đã hủy.</translation>
    </message>
    <message>
        <source>The record has no data.</source>
        <translation>Học bạ không có dữ liệu.</translation>
    </message>
    <message>
        <source>There is no record to print.</source>
        <translation>Không có học bạ nào để in.</translation>
    </message>
    <message>
        <source>Every school year needs its lock date or none.</source>
        <translation>Mỗi năm học phải có ngày khoá sổ, hoặc không năm nào có.</translation>
    </message>
    <message>
        <source>The signed PDF of a year received from an earlier school cannot be read.</source>
        <translation>Không đọc được tệp PDF đã ký của năm học nhận từ trường trước.</translation>
    </message>
    <message>
        <source>The book could not take the pages of a received year.</source>
        <translation>Không đưa được các trang của năm học nhận về vào sổ.</translation>
    </message>
    <message>
        <source>The pages of a year received from an earlier school could not be put into the book.</source>
        <translation>Không đưa được các trang của năm học nhận từ trường trước vào sổ.</translation>
    </message>
    <message>
        <source>This record has school years received from an earlier school; print it from its PDF.</source>
        <translation>Học bạ này có năm học nhận từ trường trước; hãy in từ tệp PDF của học bạ.</translation>
    </message>
</context>
<context>
    <name>hocba::rules</name>
    <message>
        <source>The field &quot;%1&quot; is missing or has the wrong type.</source>
        <translation>Trường &quot;%1&quot; bị thiếu hoặc sai kiểu dữ liệu.</translation>
    </message>
    <message>
        <source>&quot;circular&quot; must be &quot;TT27&quot; or &quot;TT22&quot;.</source>
        <translation>&quot;circular&quot; phải là &quot;TT27&quot; hoặc &quot;TT22&quot;.</translation>
    </message>
    <message>
        <source>&quot;schoolYear&quot; must be a school year such as &quot;2024-2025&quot;.</source>
        <translation>&quot;schoolYear&quot; phải là năm học, ví dụ &quot;2024-2025&quot;.</translation>
    </message>
    <message>
        <source>%1: the value is missing.</source>
        <translation>%1: chưa có kết quả.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a valid level (allowed: %3).</source>
        <translation>%1: &quot;%2&quot; không phải là mức đánh giá hợp lệ (được dùng: %3).</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a score.</source>
        <translation>%1: &quot;%2&quot; không phải là điểm số.</translation>
    </message>
    <message>
        <source>%1: the score %2 has more than one decimal.</source>
        <translation>%1: điểm %2 có nhiều hơn một chữ số thập phân.</translation>
    </message>
    <message>
        <source>%1: the score %2 is outside 0–10.</source>
        <translation>%1: điểm %2 nằm ngoài thang điểm 0–10.</translation>
    </message>
    <message>
        <source>%1: a periodic test score is a whole number, not %2.</source>
        <translation>%1: điểm bài kiểm tra định kì là số nguyên, không cho điểm %2.</translation>
    </message>
    <message>
        <source>%1: the test score is 0; please check it.</source>
        <translation>%1: điểm kiểm tra là 0; đề nghị kiểm tra lại.</translation>
    </message>
    <message>
        <source>Grade %1 does not have the subject &quot;%2&quot;.</source>
        <translation>Lớp %1 không có môn &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>%1 is listed more than once.</source>
        <translation>Môn %1 được nhập nhiều hơn một lần.</translation>
    </message>
    <message>
        <source>%1 is required in grade %2 but is missing.</source>
        <translation>Môn %1 là môn bắt buộc ở lớp %2 nhưng chưa có kết quả đánh giá.</translation>
    </message>
    <message>
        <source>%1: the comment is empty.</source>
        <translation>%1: nhận xét đang để trống.</translation>
    </message>
    <message>
        <source>%1: the comment names another student of the class (%2).</source>
        <translation>%1: nhận xét có nêu tên học sinh khác trong lớp (%2).</translation>
    </message>
    <message>
        <source>Homeroom teacher&apos;s comment</source>
        <translation>Nhận xét của giáo viên chủ nhiệm</translation>
    </message>
    <message>
        <source>Vietnamese</source>
        <translation>Tiếng Việt</translation>
    </message>
    <message>
        <source>Mathematics</source>
        <translation>Toán</translation>
    </message>
    <message>
        <source>Ethics</source>
        <translation>Đạo đức</translation>
    </message>
    <message>
        <source>Foreign language 1</source>
        <translation>Ngoại ngữ 1</translation>
    </message>
    <message>
        <source>Nature and society</source>
        <translation>Tự nhiên và Xã hội</translation>
    </message>
    <message>
        <source>Science</source>
        <translation>Khoa học</translation>
    </message>
    <message>
        <source>History and geography</source>
        <translation>Lịch sử và Địa lí</translation>
    </message>
    <message>
        <source>Informatics and technology</source>
        <translation>Tin học và Công nghệ</translation>
    </message>
    <message>
        <source>Physical education</source>
        <translation>Giáo dục thể chất</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>Âm nhạc</translation>
    </message>
    <message>
        <source>Fine arts</source>
        <translation>Mĩ thuật</translation>
    </message>
    <message>
        <source>Experiential activities</source>
        <translation>Hoạt động trải nghiệm</translation>
    </message>
    <message>
        <source>Ethnic minority language</source>
        <translation>Tiếng dân tộc thiểu số</translation>
    </message>
    <message>
        <source>Literature</source>
        <translation>Ngữ văn</translation>
    </message>
    <message>
        <source>Civic education</source>
        <translation>Giáo dục công dân</translation>
    </message>
    <message>
        <source>Natural science</source>
        <translation>Khoa học tự nhiên</translation>
    </message>
    <message>
        <source>Technology</source>
        <translation>Công nghệ</translation>
    </message>
    <message>
        <source>Informatics</source>
        <translation>Tin học</translation>
    </message>
    <message>
        <source>Local education content</source>
        <translation>Nội dung giáo dục của địa phương</translation>
    </message>
    <message>
        <source>Experiential and career guidance activities</source>
        <translation>Hoạt động trải nghiệm, hướng nghiệp</translation>
    </message>
    <message>
        <source>Foreign language 2</source>
        <translation>Ngoại ngữ 2</translation>
    </message>
    <message>
        <source>Patriotism</source>
        <translation>Yêu nước</translation>
    </message>
    <message>
        <source>Kindness</source>
        <translation>Nhân ái</translation>
    </message>
    <message>
        <source>Diligence</source>
        <translation>Chăm chỉ</translation>
    </message>
    <message>
        <source>Honesty</source>
        <translation>Trung thực</translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation>Trách nhiệm</translation>
    </message>
    <message>
        <source>Autonomy and self-study</source>
        <translation>Tự chủ và tự học</translation>
    </message>
    <message>
        <source>Communication and cooperation</source>
        <translation>Giao tiếp và hợp tác</translation>
    </message>
    <message>
        <source>Problem solving and creativity</source>
        <translation>Giải quyết vấn đề và sáng tạo</translation>
    </message>
    <message>
        <source>Language competency</source>
        <translation>Năng lực ngôn ngữ</translation>
    </message>
    <message>
        <source>Numeracy</source>
        <translation>Năng lực tính toán</translation>
    </message>
    <message>
        <source>Scientific competency</source>
        <translation>Năng lực khoa học</translation>
    </message>
    <message>
        <source>Technological competency</source>
        <translation>Năng lực công nghệ</translation>
    </message>
    <message>
        <source>Digital competency</source>
        <translation>Năng lực tin học</translation>
    </message>
    <message>
        <source>Aesthetic competency</source>
        <translation>Năng lực thẩm mĩ</translation>
    </message>
    <message>
        <source>Physical competency</source>
        <translation>Năng lực thể chất</translation>
    </message>
    <message>
        <source>semester I</source>
        <translation>học kì I</translation>
    </message>
    <message>
        <source>semester II</source>
        <translation>học kì II</translation>
    </message>
    <message>
        <source>the whole year</source>
        <translation>cả năm</translation>
    </message>
    <message>
        <source>Grade %1 does not exist; grades are 1 to 9.</source>
        <translation>Không có lớp %1; chỉ có các lớp từ 1 đến 9.</translation>
    </message>
    <message>
        <source>Circular %1 does not apply to grade %2.</source>
        <translation>Thông tư %1 không áp dụng cho lớp %2.</translation>
    </message>
    <message>
        <source>Circular %1 does not apply to grade %2 in school year %3; it applies to this grade from school year %4. Earlier years follow older rules that this program does not cover.</source>
        <translation>Thông tư %1 không áp dụng cho lớp %2 năm học %3; thông tư áp dụng cho lớp này từ năm học %4. Các năm học trước theo quy định cũ mà chương trình không hỗ trợ.</translation>
    </message>
    <message>
        <source>%1: %2 regular assessments are required, %3 given.</source>
        <translation>%1: cần %2 điểm đánh giá thường xuyên, mới có %3.</translation>
    </message>
    <message>
        <source>%1: %2 regular assessments are required, %3 given; all of them are counted.</source>
        <translation>%1: cần %2 điểm đánh giá thường xuyên, đã nhập %3; tất cả đều được tính.</translation>
    </message>
    <message>
        <source>regular assessment %1</source>
        <translation>điểm đánh giá thường xuyên %1</translation>
    </message>
    <message>
        <source>mid-term assessment</source>
        <translation>điểm đánh giá giữa kì</translation>
    </message>
    <message>
        <source>end-of-term assessment</source>
        <translation>điểm đánh giá cuối kì</translation>
    </message>
    <message>
        <source>%1 is assessed by comments and scores, not by comments only.</source>
        <translation>Môn %1 được đánh giá bằng nhận xét kết hợp cho điểm, không chỉ bằng nhận xét.</translation>
    </message>
    <message>
        <source>%1 is assessed by comments only; it has no scores.</source>
        <translation>Môn %1 chỉ đánh giá bằng nhận xét, không cho điểm.</translation>
    </message>
    <message>
        <source>%1: the number of periods per year is missing; it decides how many regular assessments are needed.</source>
        <translation>%1: chưa có số tiết/năm; số tiết quyết định số lần đánh giá thường xuyên cần có.</translation>
    </message>
    <message>
        <source>%1: %2 periods per year is not valid.</source>
        <translation>%1: số tiết/năm %2 không hợp lệ.</translation>
    </message>
    <message>
        <source>Conduct after summer training</source>
        <translation>Kết quả rèn luyện đánh giá lại sau kì nghỉ hè</translation>
    </message>
    <message>
        <source>re-assessment</source>
        <translation>kiểm tra, đánh giá lại</translation>
    </message>
    <message>
        <source>A conduct re-evaluation after summer training is given, but the year conduct is not &quot;Not passed&quot;; it is not used.</source>
        <translation>Có kết quả đánh giá lại rèn luyện sau hè nhưng kết quả rèn luyện cả năm không ở mức Chưa đạt; kết quả này không được sử dụng.</translation>
    </message>
    <message>
        <source>%1: a re-assessment is not needed for this subject; it is not used.</source>
        <translation>%1: môn này không phải kiểm tra, đánh giá lại; kết quả không được sử dụng.</translation>
    </message>
    <message>
        <source>Conduct, %1</source>
        <translation>Kết quả rèn luyện, %1</translation>
    </message>
    <message>
        <source>The number of days absent is missing.</source>
        <translation>Chưa có số buổi nghỉ học.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid number of days absent.</source>
        <translation>&quot;%1&quot; không phải là số buổi nghỉ học hợp lệ.</translation>
    </message>
    <message>
        <source>%1 days absent is more than 45: the student cannot be promoted (Circular 22, Article 12).</source>
        <translation>Nghỉ học %1 buổi, quá 45 buổi: học sinh không đủ điều kiện lên lớp (Thông tư 22, Điều 12).</translation>
    </message>
    <message>
        <source>%1: the level %2 does not match the year-end test score %3.</source>
        <translation>%1: mức đạt được %2 không phù hợp với điểm kiểm tra cuối năm %3.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of the qualities or competencies of Circular 27.</source>
        <translation>&quot;%1&quot; không thuộc các phẩm chất, năng lực theo Thông tư 27.</translation>
    </message>
    <message>
        <source>%1, year-end test</source>
        <translation>%1, bài kiểm tra định kì cuối năm</translation>
    </message>
    <message>
        <source>%1 has no year-end test in grade %2; the score %3 is not used.</source>
        <translation>Môn %1 không có bài kiểm tra định kì cuối năm ở lớp %2; điểm %3 không được sử dụng.</translation>
    </message>
</context>
<context>
    <name>hocba::server::DeptCommand</name>
    <message>
        <source>%1 exists already. A credential is written only to a new file: choose another name, or move the old file away first.</source>
        <translation>%1 đã có. Khoá truy cập chỉ được ghi vào một tệp mới: hãy chọn tên khác, hoặc chuyển tệp cũ đi chỗ khác trước.</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>Không tạo được %1.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Không ghi được %1.</translation>
    </message>
    <message>
        <source>Exit codes: 0 success; 1 invalid data; 2 wrong usage; 4 database; 5 network (the server could not listen).</source>
        <translation>Mã thoát: 0 thành công; 1 dữ liệu không hợp lệ; 2 dùng sai lệnh; 4 cơ sở dữ liệu; 5 mạng (máy chủ không mở được cổng).</translation>
    </message>
    <message>
        <source>The Department&apos;s data folder (made by &quot;hocba-dept init&quot;).</source>
        <translation>Thư mục dữ liệu của Sở (tạo bằng &quot;hocba-dept init&quot;).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>THƯ_MỤC</translation>
    </message>
    <message>
        <source>Use this database instead of the folder&apos;s SQLite file, e.g. postgresql://hocba@localhost/hocba.</source>
        <translation>Dùng cơ sở dữ liệu này thay cho tệp SQLite trong thư mục, ví dụ postgresql://hocba@localhost/hocba.</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>The --%1 %2 option is required.</source>
        <translation>Cần có tuỳ chọn --%1 %2.</translation>
    </message>
    <message>
        <source>B: records are accepted whether or not their signatures carry a time-stamp.</source>
        <translation>B: nhận học bạ dù chữ ký có dấu thời gian hay không.</translation>
    </message>
    <message>
        <source>T: every signature of an uploaded record (the PDF&apos;s and the packet&apos;s) must carry a time-stamp from a time-stamping server whose root CA was added with &quot;hocba-dept trust add&quot;.</source>
        <translation>T: mọi chữ ký của học bạ được nộp (của tệp PDF và của gói dữ liệu) phải có dấu thời gian từ một máy chủ cấp dấu thời gian có chứng thư gốc đã được thêm bằng "hocba-dept trust add".</translation>
    </message>
    <message>
        <source>LT: as T, and every signature must also carry the revocation data (OCSP or CRL) of its certificate, checked at the time-stamp&apos;s time.</source>
        <translation>LT: như T, và mọi chữ ký còn phải mang dữ liệu thu hồi (OCSP hoặc CRL) của chứng thư, được kiểm tra tại thời điểm của dấu thời gian.</translation>
    </message>
</context>
<context>
    <name>hocba::server::ExportCommand</name>
    <message>
        <source>Cannot create %1.</source>
        <translation>Không tạo được %1.</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>Không ghi được %1.</translation>
    </message>
    <message>
        <source>Write the locked records of a window into an empty folder for the Ministry: per record its signed packet (.xml), signed PDF, lock receipt (.receipt.json, .receipt.sig), and manifest.json with the SHA-256 of every file.</source>
        <translation>Ghi các học bạ đã chốt của một đợt nộp vào một thư mục trống để gửi Bộ: với mỗi học bạ có gói dữ liệu đã ký (.xml), tệp PDF đã ký, biên nhận chốt (.receipt.json, .receipt.sig), kèm manifest.json ghi SHA-256 của từng tệp.</translation>
    </message>
    <message>
        <source>The window to export, e.g. 2025-2026-06.</source>
        <translation>Đợt nộp cần xuất, ví dụ 2025-2026-06.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>MÃ</translation>
    </message>
    <message>
        <source>An empty (or new) folder to write into.</source>
        <translation>Thư mục trống (hoặc chưa có) để ghi vào.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>THƯ_MỤC</translation>
    </message>
    <message>
        <source>The folder %1 is not empty. Export into a new or empty folder, so that nothing old is mixed with the export.</source>
        <translation>Thư mục %1 không trống. Hãy xuất vào một thư mục mới hoặc trống, để không lẫn tệp cũ vào bản xuất.</translation>
    </message>
    <message>
        <source>There is no window %1. &quot;hocba-dept status&quot; lists them.</source>
        <translation>Không có đợt nộp %1. Lệnh &quot;hocba-dept status&quot; liệt kê các đợt nộp.</translation>
    </message>
    <message>
        <source>Window %1 is not locked yet; only locked records are exported. It locks at the end of its deadline day, or now with &quot;hocba-dept window lock&quot;.</source>
        <translation>Đợt nộp %1 chưa chốt; chỉ học bạ đã chốt mới được xuất. Đợt nộp tự chốt vào cuối ngày hạn chót, hoặc chốt ngay bằng &quot;hocba-dept window lock&quot;.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Không tạo được thư mục %1.</translation>
    </message>
    <message>
        <source>%1 locked record(s) of window %2 exported to %3.</source>
        <translation>Đã xuất %1 học bạ đã chốt của đợt nộp %2 vào %3.</translation>
    </message>
</context>
<context>
    <name>hocba::server::HttpFrontend</name>
    <message>
        <source>The request&apos;s header is too long. Nothing was stored.</source>
        <translation>Phần đầu của yêu cầu quá dài. Không có gì được lưu.</translation>
    </message>
    <message>
        <source>The request is larger than 1 MiB; a signed record is much smaller. Nothing was stored.</source>
        <translation>Yêu cầu lớn hơn 1 MiB; một học bạ đã ký nhỏ hơn nhiều. Không có gì được lưu.</translation>
    </message>
    <message>
        <source>The server cannot listen.</source>
        <translation>Máy chủ không mở được cổng để nhận kết nối.</translation>
    </message>
    <message>
        <source>Cannot listen on %1 port %2. Is another program using this port, or is the address not one of this machine&apos;s?</source>
        <translation>Không mở được địa chỉ %1 cổng %2. Có chương trình khác đang dùng cổng này, hoặc địa chỉ này không thuộc máy này?</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>Không đọc được %1.</translation>
    </message>
    <message>
        <source>TLS is not available: Qt&apos;s OpenSSL support is missing.</source>
        <translation>Không dùng được TLS: thiếu thành phần OpenSSL của Qt.</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate. Give the server&apos;s certificate (and its intermediates) in PEM form.</source>
        <translation>%1 không chứa chứng thư PEM nào. Hãy đưa chứng thư của máy chủ (kèm các chứng thư trung gian) ở dạng PEM.</translation>
    </message>
    <message>
        <source>%1 holds no unencrypted PEM private key (RSA or EC).</source>
        <translation>%1 không chứa khoá bí mật PEM không mã hoá (RSA hoặc EC).</translation>
    </message>
</context>
<context>
    <name>hocba::server::InitCommand</name>
    <message>
        <source>Make the Department&apos;s data folder: its database, its receipt key and the certificate schools pin (department-cert.pem).</source>
        <translation>Tạo thư mục dữ liệu của Sở: cơ sở dữ liệu, khoá ký biên nhận và chứng thư để các trường cài đặt (department-cert.pem).</translation>
    </message>
    <message>
        <source>The Department&apos;s name, e.g. &quot;Sở GDĐT Hà Nội&quot;.</source>
        <translation>Tên của Sở, ví dụ &quot;Sở GDĐT Hà Nội&quot;.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>TÊN</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>THƯ_MỤC</translation>
    </message>
    <message>
        <source>Data folder made: %1</source>
        <translation>Đã tạo thư mục dữ liệu: %1</translation>
    </message>
    <message>
        <source>Give schools this certificate to pin: %1</source>
        <translation>Gửi chứng thư này cho các trường để cài đặt: %1</translation>
    </message>
</context>
<context>
    <name>hocba::server::PolicyCommand</name>
    <message>
        <source>Show the level every signature of an uploaded record must reach, or set it with --min-level B, T or LT (B: as before; T: a trusted time-stamp; LT: also revocation data).</source>
        <translation>Xem mức mà mọi chữ ký của học bạ được nộp phải đạt, hoặc đặt mức đó bằng --min-level B, T hoặc LT (B: như trước; T: có dấu thời gian tin cậy; LT: có thêm dữ liệu thu hồi).</translation>
    </message>
    <message>
        <source>The lowest level accepted: B (the default), T or LT.</source>
        <translation>Mức thấp nhất được chấp nhận: B (mặc định), T hoặc LT.</translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation>CẤP</translation>
    </message>
    <message>
        <source>Say &quot;policy&quot; to show the policy, or &quot;policy --min-level T&quot; to set it.</source>
        <translation>Gõ "policy" để xem chính sách, hoặc "policy --min-level T" để đặt chính sách.</translation>
    </message>
    <message>
        <source>--min-level must be B, T or LT.</source>
        <translation>--min-level phải là B, T hoặc LT.</translation>
    </message>
    <message>
        <source>Lowest level accepted for uploads: %1</source>
        <translation>Mức thấp nhất được chấp nhận khi nộp: %1</translation>
    </message>
    <message>
        <source>Records already received keep their receipts and are locked as before; the level applies to what is uploaded from now on. A running server applies it within a minute.</source>
        <translation>Học bạ đã nhận vẫn giữ biên nhận và được khoá như trước; mức này áp dụng cho những gì được nộp từ bây giờ. Máy chủ đang chạy sẽ áp dụng trong vòng một phút.</translation>
    </message>
</context>
<context>
    <name>hocba::server::SchoolCommand</name>
    <message>
        <source>Add a school and write its credential to a file (&quot;school add&quot;), give it a new credential (&quot;school new-credential&quot;), or revoke its credentials (&quot;school revoke-credential&quot;).</source>
        <translation>Thêm trường và ghi khoá truy cập của trường vào một tệp (&quot;school add&quot;), cấp khoá truy cập mới (&quot;school new-credential&quot;), hoặc thu hồi khoá truy cập (&quot;school revoke-credential&quot;).</translation>
    </message>
    <message>
        <source>The school&apos;s MOET code.</source>
        <translation>Mã trường của Bộ GDĐT.</translation>
    </message>
    <message>
        <source>CODE</source>
        <translation>MÃ</translation>
    </message>
    <message>
        <source>The school&apos;s name (school add).</source>
        <translation>Tên trường (school add).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>TÊN</translation>
    </message>
    <message>
        <source>Write the school&apos;s new credential to this new file (mode 600); hand it to the school.</source>
        <translation>Ghi khoá truy cập mới của trường vào tệp mới này (quyền 600); giao tệp cho trường.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>Say &quot;school add&quot;, &quot;school new-credential&quot; or &quot;school revoke-credential&quot;.</source>
        <translation>Hãy dùng &quot;school add&quot;, &quot;school new-credential&quot; hoặc &quot;school revoke-credential&quot;.</translation>
    </message>
    <message>
        <source>School %1 (%2): its credential is in %3. Hand this file to the school by a safe way; it is not kept anywhere else.</source>
        <translation>Trường %1 (%2): khoá truy cập nằm trong %3. Hãy giao tệp này cho trường theo cách an toàn; khoá không được lưu ở nơi nào khác.</translation>
    </message>
    <message>
        <source>School %1 exists already. To give it a new credential, run &quot;hocba-dept school new-credential --code %1 --credential-out FILE&quot;.</source>
        <translation>Trường %1 đã có. Để cấp khoá truy cập mới, chạy &quot;hocba-dept school new-credential --code %1 --credential-out TỆP&quot;.</translation>
    </message>
    <message>
        <source>There is no school with code %1. Add it with &quot;hocba-dept school add&quot;.</source>
        <translation>Không có trường nào mã %1. Hãy thêm bằng &quot;hocba-dept school add&quot;.</translation>
    </message>
    <message>
        <source>School %1: %2 credential(s) revoked. The school can no longer upload until it gets a new one (&quot;hocba-dept school new-credential&quot;).</source>
        <translation>Trường %1: đã thu hồi %2 khoá truy cập. Trường không gửi được học bạ cho đến khi được cấp khoá mới (&quot;hocba-dept school new-credential&quot;).</translation>
    </message>
</context>
<context>
    <name>hocba::server::ServeCommand</name>
    <message>
        <source>Run the Department&apos;s server (API v1 and the lookup page) until stopped (SIGTERM or Ctrl+C); it also locks each window at the end of its deadline day.</source>
        <translation>Chạy máy chủ của Sở (API v1 và trang tra cứu) cho đến khi bị dừng (SIGTERM hoặc Ctrl+C); máy chủ cũng tự chốt từng đợt nộp vào cuối ngày hạn chót.</translation>
    </message>
    <message>
        <source>Address and port to listen on, e.g. 0.0.0.0:8443 (with TLS) or 127.0.0.1:8080 (plain HTTP, behind a proxy).</source>
        <translation>Địa chỉ và cổng nhận kết nối, ví dụ 0.0.0.0:8443 (có TLS) hoặc 127.0.0.1:8080 (HTTP thường, sau một proxy).</translation>
    </message>
    <message>
        <source>HOST:PORT</source>
        <translation>ĐỊA_CHỈ:CỔNG</translation>
    </message>
    <message>
        <source>The server&apos;s TLS certificate (PEM, with its intermediates).</source>
        <translation>Chứng thư TLS của máy chủ (PEM, kèm các chứng thư trung gian).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>The TLS certificate&apos;s private key (PEM).</source>
        <translation>Khoá bí mật của chứng thư TLS (PEM).</translation>
    </message>
    <message>
        <source>Worker threads (default 4).</source>
        <translation>Số luồng xử lý (mặc định 4).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>SỐ</translation>
    </message>
    <message>
        <source>A reverse proxy on this machine (nginx) does TLS and limits connections; the client&apos;s address comes from its X-Real-IP header.</source>
        <translation>Một proxy ngược trên chính máy này (nginx) làm TLS và giới hạn kết nối; địa chỉ của người dùng lấy từ tiêu đề X-Real-IP do proxy gửi.</translation>
    </message>
    <message>
        <source>--listen must be an address and a port, e.g. 127.0.0.1:8080 or 0.0.0.0:8443.</source>
        <translation>--listen phải là một địa chỉ và một cổng, ví dụ 127.0.0.1:8080 hoặc 0.0.0.0:8443.</translation>
    </message>
    <message>
        <source>Give both --tls-cert and --tls-key, or neither.</source>
        <translation>Hãy đưa cả --tls-cert và --tls-key, hoặc không đưa cả hai.</translation>
    </message>
    <message>
        <source>Without TLS the server listens only on this machine (127.0.0.1 or ::1): credentials and records must not cross the network unencrypted. Give --tls-cert and --tls-key, or listen on 127.0.0.1 behind a proxy that does TLS (docs/operator.md).</source>
        <translation>Không có TLS thì máy chủ chỉ nhận kết nối trên chính máy này (127.0.0.1 hoặc ::1): khoá truy cập và học bạ không được đi qua mạng mà không mã hoá. Hãy đưa --tls-cert và --tls-key, hoặc nhận kết nối trên 127.0.0.1 sau một proxy làm TLS (docs/operator.md).</translation>
    </message>
    <message>
        <source>--behind-proxy is for plain HTTP on 127.0.0.1 or ::1, with the proxy on this machine.</source>
        <translation>--behind-proxy chỉ dùng với HTTP thường trên 127.0.0.1 hoặc ::1, khi proxy chạy trên chính máy này.</translation>
    </message>
    <message>
        <source>--workers must be a whole number from 1 to 64.</source>
        <translation>--workers phải là số nguyên từ 1 đến 64.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>THƯ_MỤC</translation>
    </message>
    <message>
        <source>Listening on %1://%2:%3 (%4 workers, %5 database). Stop with Ctrl+C or SIGTERM.</source>
        <translation>Đang nhận kết nối tại %1://%2:%3 (%4 luồng xử lý, cơ sở dữ liệu %5). Dừng bằng Ctrl+C hoặc SIGTERM.</translation>
    </message>
</context>
<context>
    <name>hocba::server::StatusCommand</name>
    <message>
        <source>Show the reporting windows with their counts of records.</source>
        <translation>Hiện các đợt nộp cùng số học bạ của từng đợt.</translation>
    </message>
    <message>
        <source>No reporting windows yet. Open one with &quot;hocba-dept window add&quot;.</source>
        <translation>Chưa có đợt nộp nào. Hãy mở một đợt bằng &quot;hocba-dept window add&quot;.</translation>
    </message>
    <message>
        <source>locked %1 (UTC)</source>
        <translation>đã chốt %1 (UTC)</translation>
    </message>
    <message>
        <source>open until the end of %1</source>
        <translation>mở đến hết ngày %1</translation>
    </message>
    <message>
        <source>%1 submitted, %2 locked, from %3 school(s)</source>
        <translation>%1 đã nộp, %2 đã chốt, từ %3 trường</translation>
    </message>
    <message>
        <source>Lowest signature level accepted for uploads: %1 (&quot;hocba-dept policy&quot;)</source>
        <translation>Mức chữ ký thấp nhất được chấp nhận khi nộp: %1 ("hocba-dept policy")</translation>
    </message>
</context>
<context>
    <name>hocba::server::TrustCommand</name>
    <message>
        <source>Trust a certification authority (&quot;trust add --cert FILE&quot;): only signatures that chain to the CAs added here are accepted.</source>
        <translation>Tin cậy một tổ chức chứng thực (&quot;trust add --cert TỆP&quot;): chỉ chấp nhận chữ ký có chuỗi chứng thư dẫn về các tổ chức chứng thực được thêm ở đây.</translation>
    </message>
    <message>
        <source>CA certificate to trust (PEM or DER).</source>
        <translation>Chứng thư số của tổ chức chứng thực cần tin cậy (PEM hoặc DER).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>Say &quot;trust add --cert FILE&quot;.</source>
        <translation>Hãy dùng &quot;trust add --cert TỆP&quot;.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>Không đọc được %1.</translation>
    </message>
    <message>
        <source>Trusted: %1</source>
        <translation>Đã tin cậy: %1</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256: %1</translation>
    </message>
</context>
<context>
    <name>hocba::server::WindowCommand</name>
    <message>
        <source>Open a reporting window (&quot;window add&quot;) or lock one now (&quot;window lock&quot;); the server locks each window by itself at the end of its deadline day.</source>
        <translation>Mở một đợt nộp (&quot;window add&quot;) hoặc chốt ngay một đợt (&quot;window lock&quot;); máy chủ tự chốt từng đợt vào cuối ngày hạn chót.</translation>
    </message>
    <message>
        <source>The window&apos;s name, e.g. 2025-2026-06.</source>
        <translation>Tên đợt nộp, ví dụ 2025-2026-06.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>MÃ</translation>
    </message>
    <message>
        <source>The school year, e.g. 2025-2026 (window add).</source>
        <translation>Năm học, ví dụ 2025-2026 (window add).</translation>
    </message>
    <message>
        <source>YEAR</source>
        <translation>NĂM</translation>
    </message>
    <message>
        <source>The last day, e.g. 2026-06-30 (window add); the window locks at the end of that day, Vietnam time.</source>
        <translation>Ngày hạn chót, ví dụ 2026-06-30 (window add); đợt nộp chốt vào cuối ngày đó, theo giờ Việt Nam.</translation>
    </message>
    <message>
        <source>DATE</source>
        <translation>NGÀY</translation>
    </message>
    <message>
        <source>For pupils assessed again in August (window add).</source>
        <translation>Dành cho học sinh được đánh giá lại vào tháng 8 (window add).</translation>
    </message>
    <message>
        <source>Say &quot;window add&quot; or &quot;window lock&quot;.</source>
        <translation>Hãy dùng &quot;window add&quot; hoặc &quot;window lock&quot;.</translation>
    </message>
    <message>
        <source>A window&apos;s name may hold only letters, digits, dots, dashes and underscores, e.g. 2025-2026-06.</source>
        <translation>Tên đợt nộp chỉ gồm chữ cái, chữ số, dấu chấm, dấu gạch ngang và gạch dưới, ví dụ 2025-2026-06.</translation>
    </message>
    <message>
        <source>Window %1 is open until the end of %2 (Vietnam time).</source>
        <translation>Đợt nộp %1 mở đến hết ngày %2 (giờ Việt Nam).</translation>
    </message>
    <message>
        <source>--year must look like 2025-2026.</source>
        <translation>--year phải có dạng 2025-2026.</translation>
    </message>
    <message>
        <source>--deadline must be a date like 2026-06-30.</source>
        <translation>--deadline phải là một ngày có dạng 2026-06-30.</translation>
    </message>
    <message>
        <source>There is no window %1. &quot;hocba-dept status&quot; lists them.</source>
        <translation>Không có đợt nộp %1. Lệnh &quot;hocba-dept status&quot; liệt kê các đợt nộp.</translation>
    </message>
    <message>
        <source>Window %1 is locked, effective %2 (UTC): %3 record(s) locked now.</source>
        <translation>Đợt nộp %1 đã chốt, có hiệu lực từ %2 (UTC): lần này chốt %3 học bạ.</translation>
    </message>
</context>
<context>
    <name>hocba::sheets::Csv</name>
    <message>
        <source>Row %1 opens a quote that is never closed.</source>
        <translation>Dòng %1 mở dấu ngoặc kép mà không đóng lại.</translation>
    </message>
    <message>
        <source>Row %1 has more than %2 columns.</source>
        <translation>Dòng %1 có hơn %2 cột.</translation>
    </message>
    <message>
        <source>The file has more than %1 rows.</source>
        <translation>Tệp có hơn %1 dòng.</translation>
    </message>
    <message>
        <source>The file is larger than %1 MiB.</source>
        <translation>Tệp lớn hơn %1 MiB.</translation>
    </message>
    <message>
        <source>The file is not in UTF-8. In Excel choose File → Save As → &quot;CSV UTF-8 (Comma delimited)&quot; and import that file.</source>
        <translation>Tệp không ở mã UTF-8. Trong Excel chọn File → Save As → &quot;CSV UTF-8 (Comma delimited)&quot; rồi nhập tệp đó.</translation>
    </message>
</context>
<context>
    <name>hocba::sheets::Workbook</name>
    <message>
        <source>The file is protected by a password. Open it in Excel, save it without a password (File → Info → Protect Workbook) and import that file.</source>
        <translation>Tệp được bảo vệ bằng mật khẩu. Hãy mở tệp trong Excel, lưu lại không có mật khẩu (File → Info → Protect Workbook) rồi nhập tệp đó.</translation>
    </message>
    <message>
        <source>The file is damaged or incomplete and cannot be read as a workbook. Open it in Excel, save it again and import the new file.</source>
        <translation>Tệp bị hỏng hoặc không đầy đủ nên không đọc được như một bảng tính. Hãy mở tệp trong Excel, lưu lại rồi nhập tệp mới.</translation>
    </message>
    <message>
        <source>The file is larger than %1 MiB.</source>
        <translation>Tệp lớn hơn %1 MiB.</translation>
    </message>
    <message>
        <source>The sheet &quot;%1&quot; has more than %2 rows.</source>
        <translation>Trang tính &quot;%1&quot; có hơn %2 dòng.</translation>
    </message>
    <message>
        <source>Row %1 of the sheet &quot;%2&quot; has more than %3 columns.</source>
        <translation>Dòng %1 của trang tính &quot;%2&quot; có hơn %3 cột.</translation>
    </message>
    <message>
        <source>The file has more than %1 filled cells; import one class or one subject at a time.</source>
        <translation>Tệp có hơn %1 ô có dữ liệu; hãy nhập từng lớp hoặc từng môn một.</translation>
    </message>
    <message>
        <source>The file has more than %1 sheets.</source>
        <translation>Tệp có hơn %1 trang tính.</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>Không đọc được %1.</translation>
    </message>
</context>
<context>
    <name>hocba::sheets::Xls</name>
    <message>
        <source>The file cannot be read as an Excel 97–2003 workbook (.xls). Open it in Excel, save it as &quot;Excel Workbook (*.xlsx)&quot; and import that file.</source>
        <translation>Không đọc được tệp như một bảng tính Excel 97–2003 (.xls). Hãy mở tệp trong Excel, lưu lại dạng &quot;Excel Workbook (*.xlsx)&quot; rồi nhập tệp đó.</translation>
    </message>
    <message>
        <source>Cannot write a temporary copy of the workbook.</source>
        <translation>Không ghi được bản sao tạm của bảng tính.</translation>
    </message>
</context>
<context>
    <name>hocba::sheets::Xlsx</name>
    <message>
        <source>The workbook unpacks to more than %1 MiB, more than any school list or grade book; it was not opened.</source>
        <translation>Bảng tính khi giải nén lớn hơn %1 MiB, lớn hơn mọi danh sách hay sổ điểm của trường; tệp không được mở.</translation>
    </message>
    <message>
        <source>A part of the workbook unpacks to more than %1 times its size (a &quot;zip bomb&quot;); the file was not opened.</source>
        <translation>Một phần của bảng tính khi giải nén lớn hơn %1 lần kích thước của nó (&quot;bom zip&quot;); tệp không được mở.</translation>
    </message>
    <message>
        <source>The workbook contains a document type declaration (DOCTYPE), which spreadsheet programs do not write; the file was not opened.</source>
        <translation>Bảng tính chứa khai báo kiểu tài liệu (DOCTYPE), thứ mà các chương trình bảng tính không ghi ra; tệp không được mở.</translation>
    </message>
</context>
<context>
    <name>hocba::sheets::XlsxWriter</name>
    <message>
        <source>Cannot write the workbook %1. Check that the folder exists and that the file is not open in Excel.</source>
        <translation>Không ghi được bảng tính %1. Hãy kiểm tra thư mục có tồn tại và tệp không đang mở trong Excel.</translation>
    </message>
</context>
<context>
    <name>hocba::signing</name>
    <message>
        <source>The Department&apos;s receipt is damaged or was not signed by the Department. Try fetching it again; if this repeats, tell the Department&apos;s IT staff.</source>
        <translation>Biên nhận của Sở bị hỏng hoặc không phải do Sở ký. Hãy tải lại; nếu vẫn lỗi, báo cho cán bộ công nghệ thông tin của Sở.</translation>
    </message>
    <message>
        <source>The receipt was signed with a certificate other than the Department certificate set up for this school. Check the Department settings (its certificate file) with the school&apos;s IT person.</source>
        <translation>Biên nhận được ký bằng một chứng thư khác với chứng thư của Sở đã cài đặt cho trường. Hãy cùng cán bộ công nghệ thông tin của trường kiểm tra phần cài đặt kết nối Sở (tệp chứng thư của Sở).</translation>
    </message>
    <message>
        <source>The Department&apos;s receipt cannot be read.</source>
        <translation>Không đọc được biên nhận của Sở.</translation>
    </message>
    <message>
        <source>The revocation answer (OCSP) is not signed by the certificate&apos;s issuer or its responder.</source>
        <translation>Câu trả lời tra cứu thu hồi (OCSP) không do tổ chức cấp chứng thư hoặc máy chủ trả lời của tổ chức đó ký.</translation>
    </message>
    <message>
        <source>The revocation answer (OCSP) cannot be read.</source>
        <translation>Không đọc được câu trả lời tra cứu thu hồi (OCSP).</translation>
    </message>
    <message>
        <source>The certificate authority&apos;s responder does not know this certificate.</source>
        <translation>Máy chủ tra cứu của tổ chức chứng thực không biết chứng thư này.</translation>
    </message>
    <message>
        <source>The revocation answer (OCSP) is older than the signing time, so it cannot show the certificate was still valid then.</source>
        <translation>Câu trả lời tra cứu thu hồi (OCSP) có trước thời điểm ký, nên không chứng minh được chứng thư còn hiệu lực lúc ký.</translation>
    </message>
    <message>
        <source>The revocation list (CRL) is not signed by the certificate&apos;s issuer.</source>
        <translation>Danh sách thu hồi (CRL) không do tổ chức cấp chứng thư ký.</translation>
    </message>
    <message>
        <source>The revocation list (CRL) cannot be read.</source>
        <translation>Không đọc được danh sách thu hồi (CRL).</translation>
    </message>
    <message>
        <source>The revocation list (CRL) is older than the signing time, so it cannot show the certificate was still valid then.</source>
        <translation>Danh sách thu hồi (CRL) có trước thời điểm ký, nên không chứng minh được chứng thư còn hiệu lực lúc ký.</translation>
    </message>
    <message>
        <source>The certificate or its issuer cannot be read, so its revocation cannot be checked.</source>
        <translation>Không đọc được chứng thư hoặc chứng thư của tổ chức cấp, nên không kiểm tra được tình trạng thu hồi.</translation>
    </message>
    <message>
        <source>No revocation answer (OCSP) or list (CRL) for this certificate is embedded.</source>
        <translation>Tệp không kèm câu trả lời tra cứu thu hồi (OCSP) hay danh sách thu hồi (CRL) nào cho chứng thư này.</translation>
    </message>
</context>
<context>
    <name>hocba::signing::Appearance</name>
    <message>
        <source>The signing certificate cannot be read.</source>
        <translation>Không đọc được chứng thư số dùng để ký.</translation>
    </message>
    <message>
        <source>The signing certificate names no holder (no CN); the signature cannot show who signed.</source>
        <translation>Chứng thư số dùng để ký không ghi tên người được cấp (không có CN); chữ ký không thể cho biết ai đã ký.</translation>
    </message>
    <message>
        <source>The record shows a principal&apos;s digital signature by %1, but no principal signed it.</source>
        <translation>Học bạ hiển thị chữ ký số của hiệu trưởng %1, nhưng không có chữ ký nào của hiệu trưởng.</translation>
    </message>
    <message>
        <source>The record shows the signature as made by &quot;%1&quot;, but the principal&apos;s certificate belongs to &quot;%2&quot;.</source>
        <translation>Học bạ hiển thị chữ ký số của &quot;%1&quot;, nhưng chứng thư số của hiệu trưởng là của &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>The record names &quot;%1&quot; as the certificate&apos;s issuer, but the principal&apos;s certificate was issued by &quot;%2&quot;.</source>
        <translation>Học bạ ghi tổ chức cấp chứng thư số là &quot;%1&quot;, nhưng chứng thư số của hiệu trưởng do &quot;%2&quot; cấp.</translation>
    </message>
    <message>
        <source>The record shows the signing time %1, but the principal&apos;s signature was made at %2.</source>
        <translation>Học bạ hiển thị thời gian ký %1, nhưng chữ ký của hiệu trưởng được tạo lúc %2.</translation>
    </message>
    <message>
        <source>The record shows the signer&apos;s role as &quot;%1&quot;, but the signature is the principal&apos;s.</source>
        <translation>Học bạ hiển thị chức vụ người ký là &quot;%1&quot;, nhưng chữ ký là của hiệu trưởng.</translation>
    </message>
    <message>
        <source>The page shows the document as digitally signed by &quot;%1&quot;, but no signature of the document is by that person (signed by: %2).</source>
        <translation>Trang học bạ hiển thị tài liệu được ký số bởi &quot;%1&quot;, nhưng tài liệu không có chữ ký nào của người này (người ký: %2).</translation>
    </message>
    <message>
        <source>The page shows the signing time &quot;%1&quot;, but no signature of the document was made then (signed at: %2, Vietnam time).</source>
        <translation>Trang học bạ hiển thị thời gian ký &quot;%1&quot;, nhưng tài liệu không có chữ ký nào được tạo vào lúc đó (thời gian ký: %2, giờ Việt Nam).</translation>
    </message>
    <message>
        <source>The record says it was signed by %1, but the page does not show &quot;%2 %1&quot;.</source>
        <translation>Học bạ ghi người ký là %1, nhưng trang học bạ không hiển thị &quot;%2 %1&quot;.</translation>
    </message>
    <message>
        <source>The record says it was signed at %1, but the page does not show &quot;%2 %1&quot;.</source>
        <translation>Học bạ ghi thời gian ký là %1, nhưng trang học bạ không hiển thị &quot;%2 %1&quot;.</translation>
    </message>
    <message>
        <source>The text of the PDF&apos;s pages cannot be read.</source>
        <translation>Không đọc được chữ trên các trang của tệp PDF.</translation>
    </message>
</context>
<context>
    <name>hocba::signing::Certificate</name>
    <message>
        <source>The file is not a valid digital certificate.</source>
        <translation>Tệp không phải là chứng thư số hợp lệ.</translation>
    </message>
</context>
<context>
    <name>hocba::signing::CertificatePolicy</name>
    <message>
        <source>The digital certificate of %1 expired on %2. Ask your certification service provider to renew it.</source>
        <translation>Chứng thư số của %1 đã hết hạn ngày %2. Hãy đề nghị nhà cung cấp dịch vụ chứng thực gia hạn.</translation>
    </message>
    <message>
        <source>The digital certificate of %1 is not valid yet: it is valid from %2.</source>
        <translation>Chứng thư số của %1 chưa có hiệu lực: có hiệu lực từ ngày %2.</translation>
    </message>
    <message>
        <source>Out of memory while checking the certificate.</source>
        <translation>Hết bộ nhớ khi kiểm tra chứng thư số.</translation>
    </message>
    <message numerus="yes">
        <source>The digital certificate of %1 expires on %2 (in %n day(s)). Ask your certification service provider to renew it in time.</source>
        <translation>
            <numerusform>Chứng thư số của %1 hết hạn vào ngày %2 (còn %n ngày). Hãy đề nghị nhà cung cấp dịch vụ chứng thực gia hạn kịp thời.</numerusform>
        </translation>
    </message>
    <message>
        <source>The digital certificate of %1 is not meant for signing documents (it lacks the non-repudiation key usage that legal signatures need). Choose another certificate.</source>
        <translation>Chứng thư số của %1 không dùng để ký văn bản (thiếu mục đích sử dụng &quot;chống chối bỏ&quot; mà chữ ký có giá trị pháp lý cần có). Hãy chọn chứng thư số khác.</translation>
    </message>
    <message>
        <source>The digital certificate of %1 was issued by &quot;%2&quot;, which is not a trusted certification service provider. If the school trusts it, its IT person adds the provider&apos;s root certificate (Settings → Trusted root certificates, or &quot;hocba-cli trust add&quot;).</source>
        <translation>Chứng thư số của %1 do &quot;%2&quot; cấp, đây không phải là tổ chức cung cấp dịch vụ chứng thực được tin cậy. Nếu nhà trường tin cậy tổ chức này, cán bộ phụ trách tin học của trường thêm chứng thư gốc của tổ chức đó (Cài đặt → Chứng thư gốc tin cậy, hoặc &quot;hocba-cli trust add&quot;).</translation>
    </message>
</context>
<context>
    <name>hocba::signing::Pin</name>
    <message>
        <source>Cannot open the PIN file %1.</source>
        <translation>Không mở được tệp mã PIN %1.</translation>
    </message>
    <message>
        <source>The PIN file %1 is not a regular file.</source>
        <translation>Tệp mã PIN %1 không phải là tệp thông thường.</translation>
    </message>
    <message>
        <source>The PIN file %1 can be read by other users. Restrict it with: chmod 600 %1</source>
        <translation>Người dùng khác có thể đọc tệp mã PIN %1. Hãy giới hạn quyền bằng lệnh: chmod 600 %1</translation>
    </message>
    <message>
        <source>Cannot read the PIN file %1.</source>
        <translation>Không đọc được tệp mã PIN %1.</translation>
    </message>
    <message>
        <source>The PIN file %1 is empty.</source>
        <translation>Tệp mã PIN %1 đang trống.</translation>
    </message>
    <message>
        <source>A PIN is needed but there is no terminal to ask for it. Use --pin-file or HOCBA_PIN.</source>
        <translation>Cần mã PIN nhưng không có cửa sổ dòng lệnh để hỏi. Hãy dùng --pin-file hoặc HOCBA_PIN.</translation>
    </message>
    <message>
        <source>PIN for USB token &quot;%1&quot;</source>
        <translation>Mã PIN của USB token &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Warning: one more wrong PIN will lock the token.</source>
        <translation>Cảnh báo: nhập sai mã PIN thêm một lần nữa sẽ khoá token.</translation>
    </message>
    <message>
        <source>Warning: a wrong PIN was entered at least once.</source>
        <translation>Cảnh báo: mã PIN đã bị nhập sai ít nhất một lần.</translation>
    </message>
    <message>
        <source>PIN entry was cancelled.</source>
        <translation>Đã huỷ nhập mã PIN.</translation>
    </message>
    <message>
        <source>The PIN file %1 is longer than %2 bytes. It must hold only the PIN.</source>
        <translation>Tệp mã PIN %1 dài hơn %2 byte. Tệp chỉ được chứa mã PIN.</translation>
    </message>
</context>
<context>
    <name>hocba::signing::RequestVerifier</name>
    <message>
        <source>A request must carry exactly one signature, the principal&apos;s; this one has %1.</source>
        <translation>Văn bản đề nghị phải có đúng một chữ ký, của hiệu trưởng; văn bản này có %1.</translation>
    </message>
    <message>
        <source>The request is signed as %1; only the principal may sign it.</source>
        <translation>Văn bản đề nghị được ký với vai trò %1; chỉ hiệu trưởng được ký văn bản này.</translation>
    </message>
</context>
<context>
    <name>hocba::signing::Token</name>
    <message>
        <source>The USB token was removed or stopped answering. Plug it back in and try again.</source>
        <translation>USB token đã bị rút ra hoặc không phản hồi. Hãy cắm lại USB token rồi thử lại.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Mã PIN không đúng.</translation>
    </message>
    <message>
        <source>The PIN has the wrong length or contains characters the USB token does not accept.</source>
        <translation>Mã PIN sai độ dài hoặc có ký tự mà USB token không chấp nhận.</translation>
    </message>
    <message>
        <source>The PIN of the USB token is locked after too many wrong attempts. Contact your certification service provider to unblock it with the PUK code.</source>
        <translation>Mã PIN của USB token đã bị khoá do nhập sai quá nhiều lần. Hãy liên hệ nhà cung cấp dịch vụ chứng thực để mở khoá bằng mã PUK.</translation>
    </message>
    <message>
        <source>The PIN of the USB token has expired. Change it with the token software from your certification service provider.</source>
        <translation>Mã PIN của USB token đã hết hạn. Hãy đổi mã PIN bằng phần mềm quản lý token của nhà cung cấp dịch vụ chứng thực.</translation>
    </message>
    <message>
        <source>PIN entry was cancelled.</source>
        <translation>Đã huỷ nhập mã PIN.</translation>
    </message>
    <message>
        <source>The USB token has no PIN set up yet. Ask your certification service provider.</source>
        <translation>USB token chưa được đặt mã PIN. Hãy liên hệ nhà cung cấp dịch vụ chứng thực.</translation>
    </message>
    <message>
        <source>Cannot load the USB token driver (PKCS#11 module) %1. Install the token software from your certification service provider or check the module path in the settings.</source>
        <translation>Không nạp được trình điều khiển USB token (mô-đun PKCS#11) %1. Hãy cài phần mềm token của nhà cung cấp dịch vụ chứng thực hoặc kiểm tra đường dẫn mô-đun trong phần Cài đặt.</translation>
    </message>
    <message>
        <source>The private key of this digital certificate was not found on the USB token.</source>
        <translation>Không tìm thấy khoá bí mật của chứng thư số này trên USB token.</translation>
    </message>
    <message>
        <source>The digital certificate was not found on the USB token.</source>
        <translation>Không tìm thấy chứng thư số trên USB token.</translation>
    </message>
    <message>
        <source>The key on the USB token may not be used for signing.</source>
        <translation>Khoá trên USB token không được phép dùng để ký.</translation>
    </message>
    <message>
        <source>The USB token could not complete the operation.</source>
        <translation>USB token không thực hiện được thao tác.</translation>
    </message>
    <message>
        <source>No USB token driver (PKCS#11 module) is installed. Install the token software from your certification service provider.</source>
        <translation>Chưa cài trình điều khiển USB token (mô-đun PKCS#11). Hãy cài phần mềm token của nhà cung cấp dịch vụ chứng thực.</translation>
    </message>
    <message>
        <source>The USB token &quot;%1&quot; is not plugged in. Plug it in and try again.</source>
        <translation>USB token &quot;%1&quot; chưa được cắm. Hãy cắm USB token rồi thử lại.</translation>
    </message>
    <message>
        <source>The USB token asks for a new PIN before it can be used. Change the PIN with the token software from your certification service provider.</source>
        <translation>USB token yêu cầu đổi mã PIN trước khi sử dụng. Hãy đổi mã PIN bằng phần mềm token của nhà cung cấp dịch vụ chứng thực.</translation>
    </message>
    <message>
        <source>Wrong PIN. One more wrong PIN will lock the USB token.</source>
        <translation>Mã PIN không đúng. Nhập sai thêm một lần nữa sẽ khoá USB token.</translation>
    </message>
    <message>
        <source>Wrong PIN. The USB token has few tries left before the PIN is locked.</source>
        <translation>Mã PIN không đúng. USB token chỉ còn ít lần thử trước khi mã PIN bị khoá.</translation>
    </message>
    <message>
        <source>The USB token session has ended. Log in again.</source>
        <translation>Phiên làm việc với USB token đã kết thúc. Hãy nhập lại mã PIN.</translation>
    </message>
    <message>
        <source>Internal error in token access.</source>
        <translation>Lỗi nội bộ khi truy cập USB token.</translation>
    </message>
</context>
<context>
    <name>hocba::signing::Trust</name>
    <message>
        <source>&quot;%1&quot; is not a certification authority certificate and cannot be a trust anchor.</source>
        <translation>&quot;%1&quot; không phải chứng thư số của tổ chức chứng thực nên không thể dùng làm gốc tin cậy.</translation>
    </message>
</context>
<context>
    <name>hocba::store::AuditLog</name>
    <message>
        <source>Entry %1 is missing: it was deleted.</source>
        <translation>Thiếu mục %1: mục này đã bị xoá.</translation>
    </message>
    <message>
        <source>Entry %1 does not follow the entry before it: entries were removed or reordered.</source>
        <translation>Mục %1 không nối tiếp mục trước nó: đã có mục bị xoá hoặc bị đổi thứ tự.</translation>
    </message>
    <message>
        <source>Entry %1 was changed after it was written.</source>
        <translation>Mục %1 đã bị sửa sau khi ghi.</translation>
    </message>
    <message>
        <source>Entry %1 is missing: the newest entries were deleted.</source>
        <translation>Thiếu mục %1: các mục mới nhất đã bị xoá.</translation>
    </message>
</context>
<context>
    <name>hocba::store::Backup</name>
    <message>
        <source>Cannot write the backup %1.</source>
        <translation>Không ghi được bản sao lưu %1.</translation>
    </message>
    <message>
        <source>The file %1 failed its integrity check.</source>
        <translation>Tệp %1 không qua được kiểm tra toàn vẹn.</translation>
    </message>
    <message>
        <source>The backup must be a different file from the data file.</source>
        <translation>Tệp sao lưu phải khác tệp dữ liệu.</translation>
    </message>
    <message>
        <source>The backup %1 does not exist.</source>
        <translation>Không có bản sao lưu %1.</translation>
    </message>
    <message>
        <source>Cannot write the data file %1.</source>
        <translation>Không ghi được tệp dữ liệu %1.</translation>
    </message>
</context>
<context>
    <name>hocba::store::Database</name>
    <message>
        <source>The data file %1 does not exist.</source>
        <translation>Không có tệp dữ liệu %1.</translation>
    </message>
    <message>
        <source>%1 is not a file.</source>
        <translation>%1 không phải là một tệp.</translation>
    </message>
    <message>
        <source>%1 is not a school data file of this program. It was left unchanged.</source>
        <translation>%1 không phải là tệp dữ liệu trường của chương trình này. Tệp được giữ nguyên.</translation>
    </message>
    <message>
        <source>The data file %1 is damaged and cannot be opened. It was left unchanged; restore it from a backup.</source>
        <translation>Tệp dữ liệu %1 bị hỏng, không mở được. Tệp được giữ nguyên; hãy khôi phục từ bản sao lưu.</translation>
    </message>
    <message>
        <source>Cannot open the data file %1.</source>
        <translation>Không mở được tệp dữ liệu %1.</translation>
    </message>
    <message>
        <source>The data file %1 was made by a newer version of this program (data version %2, this program knows up to %3). Install the newer version; the file was left unchanged.</source>
        <translation>Tệp dữ liệu %1 được tạo bởi phiên bản mới hơn của chương trình (phiên bản dữ liệu %2, chương trình này chỉ đọc được đến %3). Hãy cài phiên bản mới hơn; tệp được giữ nguyên.</translation>
    </message>
    <message>
        <source>Cannot upgrade the data file.</source>
        <translation>Không nâng cấp được tệp dữ liệu.</translation>
    </message>
    <message>
        <source>Cannot upgrade the data file to version %1. Nothing was changed.</source>
        <translation>Không nâng cấp được tệp dữ liệu lên phiên bản %1. Chưa có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>This school year is locked; nothing in it can be changed.</source>
        <translation>Năm học này đã khoá; không thể thay đổi bất cứ nội dung nào.</translation>
    </message>
    <message>
        <source>This school year has been signed; its results cannot be changed. Open a new version to correct it.</source>
        <translation>Năm học này đã được ký; không thể sửa kết quả. Hãy mở phiên bản mới để điều chỉnh.</translation>
    </message>
    <message>
        <source>This school year is kept on paper; it cannot be confirmed or signed in the program.</source>
        <translation>Năm học này được lưu trên học bạ giấy; không thể xác nhận hay ký trong chương trình.</translation>
    </message>
    <message>
        <source>This change is not allowed for stored records.</source>
        <translation>Không được phép thay đổi này đối với học bạ đã lưu.</translation>
    </message>
    <message>
        <source>The change conflicts with data already stored.</source>
        <translation>Thay đổi này mâu thuẫn với dữ liệu đã có.</translation>
    </message>
    <message>
        <source>The data file is damaged. Restore it from a backup.</source>
        <translation>Tệp dữ liệu bị hỏng. Hãy khôi phục từ bản sao lưu.</translation>
    </message>
    <message>
        <source>The data file is busy in another window or program. Try again in a moment.</source>
        <translation>Tệp dữ liệu đang được một cửa sổ hoặc chương trình khác sử dụng. Hãy thử lại sau giây lát.</translation>
    </message>
    <message>
        <source>The disk is full. Free some space and try again.</source>
        <translation>Ổ đĩa đã đầy. Hãy giải phóng dung lượng rồi thử lại.</translation>
    </message>
    <message>
        <source>A database operation failed.</source>
        <translation>Thao tác với cơ sở dữ liệu bị lỗi.</translation>
    </message>
    <message>
        <source>A new version of a school year must follow its newest signed version.</source>
        <translation>Phiên bản mới của một năm học phải nối tiếp phiên bản đã ký mới nhất.</translation>
    </message>
</context>
<context>
    <name>hocba::store::StudentRepository</name>
    <message>
        <source>The student&apos;s full name is empty.</source>
        <translation>Họ và tên học sinh đang để trống.</translation>
    </message>
    <message>
        <source>The student no longer exists.</source>
        <translation>Học sinh này không còn trong dữ liệu.</translation>
    </message>
    <message>
        <source>The school year of this record no longer exists.</source>
        <translation>Năm học này của học bạ không còn trong dữ liệu.</translation>
    </message>
</context>
<context>
    <name>hocba::ui::ArchiveStamping</name>
    <message numerus="yes">
        <source>%n signed record(s) need a new archive time-stamp before %1: Records → Extend archive time-stamps…</source>
        <translation>
            <numerusform>%n học bạ đã ký cần dấu thời gian lưu trữ mới trước ngày %1: Học bạ → Gia hạn dấu thời gian lưu trữ…</numerusform>
        </translation>
    </message>
    <message>
        <source>Stop after this record</source>
        <translation>Dừng sau hồ sơ này</translation>
    </message>
    <message>
        <source>Stopping after the current record…</source>
        <translation>Sẽ dừng sau học bạ đang làm…</translation>
    </message>
    <message>
        <source>Archive time-stamps</source>
        <translation>Dấu thời gian lưu trữ</translation>
    </message>
    <message>
        <source>Checking the signed records…</source>
        <translation>Đang kiểm tra các học bạ đã ký…</translation>
    </message>
    <message>
        <source>Time-stamping record %1 of %2…</source>
        <translation>Đang đóng dấu thời gian cho học bạ %1 / %2…</translation>
    </message>
    <message>
        <source>%1 of %2 records received an archive time-stamp.</source>
        <translation>%1 trong %2 học bạ đã được thêm dấu thời gian lưu trữ.</translation>
    </message>
    <message>
        <source>Run it again later to continue.</source>
        <translation>Hãy chạy lại sau để làm tiếp.</translation>
    </message>
</context>
<context>
    <name>hocba::ui::BulkFillDialog</name>
    <message>
        <source>Fill the column %1</source>
        <translation>Điền hàng loạt cột %1</translation>
    </message>
    <message>
        <source>Class %1: the comment goes into the empty cells of the column %2. Comments already written are kept unless you tick &quot;Also replace&quot;.</source>
        <translation>Lớp %1: nhận xét sẽ được điền vào các ô trống của cột %2. Nhận xét đã viết được giữ nguyên, trừ khi thầy cô đánh dấu &quot;Thay cả&quot;.</translation>
    </message>
    <message>
        <source>Words or a code to find in the comment bank</source>
        <translation>Từ hoặc mã cần tìm trong ngân hàng nhận xét</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Tìm:</translation>
    </message>
    <message>
        <source>Comment bank:</source>
        <translation>Ngân hàng nhận xét:</translation>
    </message>
    <message>
        <source>Pick a phrase above or type the comment</source>
        <translation>Chọn một câu ở trên hoặc gõ nhận xét</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>Nhận xét:</translation>
    </message>
    <message>
        <source>Also replace comments already written (asks before replacing)</source>
        <translation>Thay cả nhận xét đã viết (hỏi trước khi thay)</translation>
    </message>
    <message>
        <source>Pupil</source>
        <translation>Học sinh</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Hiện tại</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Sau khi điền</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Điền</translation>
    </message>
    <message>
        <source>Filled</source>
        <translation>Đã điền</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Đã được thay thế</translation>
    </message>
    <message>
        <source>No level yet: left empty</source>
        <translation>Chưa có mức: để trống</translation>
    </message>
    <message>
        <source>Cannot be changed</source>
        <translation>Không thể thay đổi</translation>
    </message>
    <message>
        <source>Already this comment</source>
        <translation>Đã có nhận xét này</translation>
    </message>
    <message>
        <source>Kept: a comment is already written</source>
        <translation>Giữ nguyên: đã có nhận xét</translation>
    </message>
    <message numerus="yes">
        <source>%n empty cell(s) get a comment</source>
        <translation>
            <numerusform>%n ô trống được điền nhận xét</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n written comment(s) are replaced</source>
        <translation>
            <numerusform>%n nhận xét đã viết bị thay</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n written comment(s) are kept</source>
        <translation>
            <numerusform>%n nhận xét đã viết được giữ nguyên</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) cannot be changed</source>
        <translation>
            <numerusform>%n ô không thể thay đổi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pupil(s) of the class would have the same comment: &quot;%1&quot;.</source>
        <translation>
            <numerusform>%n học sinh của lớp sẽ có cùng một nhận xét: &quot;%1&quot;.</numerusform>
        </translation>
    </message>
    <message>
        <source>Parents and the board notice identical comments: vary them, or tick &quot;Suit each pupil&apos;s level&quot;.</source>
        <translation>Cha mẹ học sinh và Ban giám hiệu sẽ nhận ra các nhận xét giống hệt nhau: hãy viết khác đi, hoặc đánh dấu &quot;Theo mức của từng học sinh&quot;.</translation>
    </message>
    <message>
        <source>Replace written comments</source>
        <translation>Thay nhận xét đã viết</translation>
    </message>
    <message numerus="yes">
        <source>%n comment(s) already written will be replaced and the old text lost (it stays in the cell&apos;s history). Replace them?</source>
        <translation>
            <numerusform>%n nhận xét đã viết sẽ bị thay và mất nội dung cũ (nội dung cũ vẫn còn trong lịch sử ô). Thay các nhận xét này?</numerusform>
        </translation>
    </message>
    <message>
        <source>Suit each pupil&apos;s level: a phrase of the bank for each pupil&apos;s level, varied when the bank has several</source>
        <translation>Theo mức của từng học sinh: mỗi học sinh một câu trong ngân hàng phù hợp với mức, thay đổi khi ngân hàng có nhiều câu</translation>
    </message>
    <message>
        <source>Parents and the board notice identical comments: the bank has too few phrases for these levels. Add more in Settings → Comment bank, or change some comments after filling.</source>
        <translation>Cha mẹ học sinh và Ban giám hiệu sẽ nhận ra các nhận xét giống hệt nhau: ngân hàng có quá ít câu cho các mức này. Hãy thêm câu trong Cài đặt → Ngân hàng nhận xét, hoặc sửa vài nhận xét sau khi điền.</translation>
    </message>
</context>
<context>
    <name>hocba::ui::CellHistoryDialog</name>
    <message>
        <source>History of %1</source>
        <translation>Lịch sử của %1</translation>
    </message>
    <message>
        <source>This cell has not been changed yet.</source>
        <translation>Ô này chưa được thay đổi lần nào.</translation>
    </message>
    <message>
        <source>Every change of this cell, oldest first:</source>
        <translation>Mọi thay đổi của ô này, cũ nhất trước:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người sửa</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Giá trị cũ</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Giá trị mới</translation>
    </message>
</context>
<context>
    <name>hocba::ui::ClassReviewDialog</name>
    <message>
        <source>Check before signing: class %1, school year %2</source>
        <translation>Rà soát trước khi ký: lớp %1, năm học %2</translation>
    </message>
    <message>
        <source>Pupil</source>
        <translation>Học sinh</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Vị trí</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Vấn đề</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <source>&amp;Print the fix list…</source>
        <translation>&amp;In danh sách cần sửa…</translation>
    </message>
    <message>
        <source>&amp;Confirm the class</source>
        <translation>&amp;Xác nhận lớp</translation>
    </message>
    <message>
        <source>The homeroom teacher&apos;s confirmation: records without errors become ready.</source>
        <translation>Giáo viên chủ nhiệm xác nhận: các học bạ không có lỗi chuyển sang trạng thái sẵn sàng ký.</translation>
    </message>
    <message>
        <source>&amp;Approve the class</source>
        <translation>&amp;Phê duyệt lớp</translation>
    </message>
    <message>
        <source>The board approves the confirmed records for the principal&apos;s signature.</source>
        <translation>Ban giám hiệu phê duyệt các học bạ đã xác nhận để trình hiệu trưởng ký.</translation>
    </message>
    <message>
        <source>What must the homeroom teacher fix?</source>
        <translation>Giáo viên chủ nhiệm cần sửa những gì?</translation>
    </message>
    <message>
        <source>&amp;Return to the teacher</source>
        <translation>&amp;Trả lại cho giáo viên</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Class %1, school year %2</source>
        <translation>Lớp %1, năm học %2</translation>
    </message>
    <message>
        <source>, homeroom teacher %1</source>
        <translation>, giáo viên chủ nhiệm %1</translation>
    </message>
    <message>
        <source>%1 pupils, %2 without errors; %3 marks or levels and %4 comments not entered; %5 in the August cohort. Confirmed %6, approved %7, signed %8.</source>
        <translation>%1 học sinh, %2 em không có lỗi; %3 điểm hoặc mức đạt được và %4 nhận xét chưa nhập; %5 em thuộc nhóm xét sau hè. Đã xác nhận %6, đã phê duyệt %7, đã ký %8.</translation>
    </message>
    <message>
        <source>Returned by %1 on %2: %3</source>
        <translation>%1 đã trả lại ngày %2: %3</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Nothing to fix.</source>
        <translation>Không có gì cần sửa.</translation>
    </message>
    <message>
        <source>fix-list-%1-%2.pdf</source>
        <translation>danh-sach-can-sua-%1-%2.pdf</translation>
    </message>
    <message>
        <source>Save the fix list</source>
        <translation>Lưu danh sách cần sửa</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Fix list</source>
        <translation>Danh sách cần sửa</translation>
    </message>
    <message>
        <source>The fix list was saved to %1.</source>
        <translation>Đã lưu danh sách cần sửa vào %1.</translation>
    </message>
    <message>
        <source>Confirm the class</source>
        <translation>Xác nhận lớp</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) have only warnings. Confirm them too? Your acknowledgement is recorded under your name.</source>
        <translation>
            <numerusform>%n học bạ chỉ có cảnh báo. Có xác nhận luôn các học bạ này không? Việc bạn xác nhận đã xem cảnh báo sẽ được ghi lại kèm họ tên của bạn.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 records confirmed; %2 not confirmed (errors to correct first).</source>
        <translation>Đã xác nhận %1 học bạ; %2 học bạ chưa xác nhận được (cần sửa lỗi trước).</translation>
    </message>
    <message>
        <source>%1 records approved; %2 not confirmed yet; %3 with errors.</source>
        <translation>Đã phê duyệt %1 học bạ; %2 học bạ chưa được xác nhận; %3 học bạ có lỗi.</translation>
    </message>
    <message>
        <source>The class was returned to its homeroom teacher: %1 confirmed records are drafts again.</source>
        <translation>Đã trả lại lớp cho giáo viên chủ nhiệm: %1 học bạ đã xác nhận trở lại thành bản nháp.</translation>
    </message>
</context>
<context>
    <name>hocba::ui::CommentBankDialog</name>
    <message>
        <source>Comment bank</source>
        <translation>Ngân hàng nhận xét</translation>
    </message>
    <message>
        <source>Subject code</source>
        <translation>Mã môn học</translation>
    </message>
    <message>
        <source>Words or code</source>
        <translation>Từ hoặc mã</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Môn học:</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Cấp học:</translation>
    </message>
    <message>
        <source>Grade:</source>
        <translation>Khối:</translation>
    </message>
    <message>
        <source>Term:</source>
        <translation>Kì đánh giá:</translation>
    </message>
    <message>
        <source>Suits:</source>
        <translation>Phù hợp mức:</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Môn học</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Mức đạt</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Khối lớp</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Kì</translation>
    </message>
    <message>
        <source>Suits</source>
        <translation>Phù hợp mức</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Thêm…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Xoá</translation>
    </message>
    <message>
        <source>Add the &amp;default phrases</source>
        <translation>Thêm các câu &amp;mặc định</translation>
    </message>
    <message>
        <source>Adds the phrases that come with the program (codes T, H, C, PC, NL, BM, CN); phrases the school already has are kept as they are.</source>
        <translation>Thêm các câu có sẵn trong phần mềm (mã T, H, C, PC, NL, BM, CN); các câu nhà trường đã có được giữ nguyên.</translation>
    </message>
    <message>
        <source>Phrases</source>
        <translation>Các câu nhận xét</translation>
    </message>
    <message>
        <source>As written</source>
        <translation>Giữ như đã viết</translation>
    </message>
    <message>
        <source>Always start with &quot;Em&quot;</source>
        <translation>Luôn bắt đầu bằng &quot;Em&quot;</translation>
    </message>
    <message>
        <source>Never start with &quot;Em&quot;</source>
        <translation>Không bao giờ bắt đầu bằng &quot;Em&quot;</translation>
    </message>
    <message>
        <source>&quot;Em&quot; at the start:</source>
        <translation>&quot;Em&quot; ở đầu câu:</translation>
    </message>
    <message>
        <source>One word or phrase a line, e.g. lười</source>
        <translation>Mỗi dòng một từ hoặc cụm từ, ví dụ lười</translation>
    </message>
    <message>
        <source>Banned words:</source>
        <translation>Từ không được dùng:</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> ký tự</translation>
    </message>
    <message>
        <source>Longest comment:</source>
        <translation>Nhận xét dài nhất:</translation>
    </message>
    <message>
        <source>&amp;Save the house style</source>
        <translation>&amp;Lưu quy ước viết</translation>
    </message>
    <message>
        <source>Type a comment to check it against the house style</source>
        <translation>Gõ một nhận xét để kiểm tra theo quy ước viết</translation>
    </message>
    <message>
        <source>Try:</source>
        <translation>Thử:</translation>
    </message>
    <message>
        <source>House style</source>
        <translation>Quy ước viết</translation>
    </message>
    <message>
        <source>Only the school&apos;s administrator can change the comment bank.</source>
        <translation>Chỉ quản trị viên của nhà trường mới được thay đổi ngân hàng nhận xét.</translation>
    </message>
    <message>
        <source>Remove %1 from the school&apos;s comment bank? Comments already written stay as they are.</source>
        <translation>Xoá %1 khỏi ngân hàng nhận xét của nhà trường? Các nhận xét đã viết vẫn giữ nguyên.</translation>
    </message>
    <message>
        <source>any</source>
        <translation>bất kì</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>Đã thêm %1.</translation>
    </message>
    <message>
        <source>Changed %1.</source>
        <translation>Đã sửa %1.</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>Đã xoá %1.</translation>
    </message>
    <message numerus="yes">
        <source>Added %n default phrase(s).</source>
        <translation>
            <numerusform>Đã thêm %n câu mặc định.</numerusform>
        </translation>
    </message>
    <message>
        <source>The house style is saved.</source>
        <translation>Đã lưu quy ước viết.</translation>
    </message>
    <message>
        <source>In the house style: %1</source>
        <translation>Theo quy ước viết: %1</translation>
    </message>
    <message>
        <source>The comment follows the house style.</source>
        <translation>Nhận xét đúng quy ước viết.</translation>
    </message>
</context>
<context>
    <name>hocba::ui::CommentEntryDialog</name>
    <message>
        <source>New comment</source>
        <translation>Nhận xét mới</translation>
    </message>
    <message>
        <source>Comment %1</source>
        <translation>Nhận xét %1</translation>
    </message>
    <message>
        <source>e.g. T01</source>
        <translation>ví dụ T01</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Mã:</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Nội dung:</translation>
    </message>
    <message>
        <source>Any; or toan, ngu_van, homeroom, q.nhan_ai, c.tu_chu_tu_hoc…</source>
        <translation>Bất kì; hoặc toan, ngu_van, homeroom, q.nhan_ai, c.tu_chu_tu_hoc…</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Môn học:</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Cấp học:</translation>
    </message>
    <message>
        <source>Grade:</source>
        <translation>Khối:</translation>
    </message>
    <message>
        <source>Term:</source>
        <translation>Kì đánh giá:</translation>
    </message>
    <message>
        <source>Suits the level:</source>
        <translation>Phù hợp mức:</translation>
    </message>
</context>
<context>
    <name>hocba::ui::CommentSuggestionModel</name>
    <message>
        <source>Code %1 in the school&apos;s comment bank</source>
        <translation>Mã %1 trong ngân hàng nhận xét của nhà trường</translation>
    </message>
</context>
<context>
    <name>hocba::ui::DeadlineBoardWidget</name>
    <message numerus="yes">
        <source>%n day(s) left to %1</source>
        <translation>
            <numerusform>còn %n ngày đến %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is today</source>
        <translation>hạn %1 là hôm nay</translation>
    </message>
    <message numerus="yes">
        <source>%1 passed %n day(s) ago</source>
        <translation>
            <numerusform>đã quá hạn %1 được %n ngày</numerusform>
        </translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Lớp</translation>
    </message>
    <message>
        <source>Homeroom teacher</source>
        <translation>Giáo viên chủ nhiệm</translation>
    </message>
    <message>
        <source>Pupils</source>
        <translation>Sĩ số</translation>
    </message>
    <message>
        <source>Marks missing</source>
        <translation>Thiếu điểm</translation>
    </message>
    <message>
        <source>Comments missing</source>
        <translation>Thiếu nhận xét</translation>
    </message>
    <message>
        <source>Checked clean</source>
        <translation>Rà soát không lỗi</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Đã phê duyệt</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Đã ký</translation>
    </message>
    <message>
        <source>Uploaded</source>
        <translation>Đã nộp Sở</translation>
    </message>
    <message>
        <source>August cohort</source>
        <translation>Nhóm xét sau hè</translation>
    </message>
    <message>
        <source>School year %1, %2: %3; August cohort: %4.</source>
        <translation>Năm học %1, ngày %2: %3; nhóm xét sau hè: %4.</translation>
    </message>
    <message>
        <source>%1 (%2 signed)</source>
        <translation>%1 (đã ký %2)</translation>
    </message>
    <message>
        <source>Every record due by 30/6 is signed.</source>
        <translation>Tất cả học bạ có hạn 30/6 đã được ký.</translation>
    </message>
    <message>
        <source>Returned by the board: %1</source>
        <translation>Ban giám hiệu trả lại: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s) to correct before the records can be confirmed.</source>
        <translation>
            <numerusform>Còn %n lỗi cần sửa trước khi xác nhận được học bạ.</numerusform>
        </translation>
    </message>
    <message>
        <source>In progress: %1 of %2 records due by 30/6 signed.</source>
        <translation>Đang thực hiện: đã ký %1/%2 học bạ có hạn 30/6.</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
</context>
<context>
    <name>hocba::ui::DemoCreation</name>
    <message>
        <source>Creating the demo school (sample data for practice)…</source>
        <translation>Đang tạo trường mẫu (dữ liệu mẫu để thực hành)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <source>Demo school</source>
        <translation>Trường mẫu</translation>
    </message>
</context>
<context>
    <name>hocba::ui::DepartmentDialog</name>
    <message>
        <source>Connection to the Department of Education</source>
        <translation>Kết nối Sở GDĐT</translation>
    </message>
    <message>
        <source>Current settings</source>
        <translation>Cài đặt hiện tại</translation>
    </message>
    <message>
        <source>Change the connection</source>
        <translation>Thay đổi kết nối</translation>
    </message>
    <message>
        <source>Fill in what the Department gave the school: the address of its server, the school&apos;s credential file and the Department&apos;s certificate file.</source>
        <translation>Điền những gì Sở đã cấp cho trường: địa chỉ máy chủ của Sở, tệp mã xác thực của trường và tệp chứng thư của Sở.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Địa chỉ máy chủ:</translation>
    </message>
    <message>
        <source>School&apos;s credential file:</source>
        <translation>Tệp mã xác thực của trường:</translation>
    </message>
    <message>
        <source>Choose the school&apos;s credential file</source>
        <translation>Chọn tệp mã xác thực của trường</translation>
    </message>
    <message>
        <source>Credential files (*.txt *.key);;All files (*)</source>
        <translation>Tệp mã xác thực (*.txt *.key);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Department&apos;s certificate:</source>
        <translation>Chứng thư của Sở:</translation>
    </message>
    <message>
        <source>Choose the Department&apos;s certificate</source>
        <translation>Chọn chứng thư của Sở</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Chứng thư số (*.pem *.crt *.cer *.der);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>When this computer opens the school file, send the records waiting for the Department without asking</source>
        <translation>Khi máy này mở tệp dữ liệu của trường, tự động gửi các học bạ đang chờ lên Sở</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Not set yet: records cannot be sent to the Department.</source>
        <translation>Chưa cài đặt: chưa gửi được học bạ lên Sở.</translation>
    </message>
    <message>
        <source>Server address: %1
Department: %2
School&apos;s credential: saved</source>
        <translation>Địa chỉ máy chủ: %1
Sở: %2
Mã xác thực của trường: đã lưu</translation>
    </message>
    <message>
        <source>(name not given)</source>
        <translation>(không ghi tên)</translation>
    </message>
    <message>
        <source>Choose both the school&apos;s credential file and the Department&apos;s certificate file, then save again.</source>
        <translation>Hãy chọn cả tệp mã xác thực của trường và tệp chứng thư của Sở, rồi bấm Lưu lại.</translation>
    </message>
    <message>
        <source>Lookup portal printed on the records</source>
        <translation>Cổng tra cứu in trên học bạ</translation>
    </message>
    <message>
        <source>The address the QR codes of every record point to, where anyone can check a paper copy. Leave it empty if the Department has not given one yet.</source>
        <translation>Địa chỉ mà mã QR trên mọi học bạ dẫn đến, nơi ai cũng kiểm tra được bản giấy. Để trống nếu Sở chưa cung cấp.</translation>
    </message>
    <message>
        <source>Lookup portal:</source>
        <translation>Cổng tra cứu:</translation>
    </message>
    <message>
        <source>Lookup portal: not set</source>
        <translation>Cổng tra cứu: chưa đặt</translation>
    </message>
    <message>
        <source>Lookup portal: %1</source>
        <translation>Cổng tra cứu: %1</translation>
    </message>
</context>
<context>
    <name>hocba::ui::DepartmentSync</name>
    <message>
        <source>Stop after this record</source>
        <translation>Dừng sau hồ sơ này</translation>
    </message>
    <message>
        <source>Stopping after the record being sent…</source>
        <translation>Đang dừng sau học bạ đang gửi…</translation>
    </message>
    <message>
        <source>Sending %1/%2 …</source>
        <translation>Đang gửi %1/%2 …</translation>
    </message>
    <message>
        <source>Sending to the Department</source>
        <translation>Gửi lên Sở</translation>
    </message>
    <message>
        <source>Connecting to the Department&apos;s server…</source>
        <translation>Đang kết nối tới máy chủ của Sở…</translation>
    </message>
    <message>
        <source>Records were not sent to the Department: %1</source>
        <translation>Chưa gửi được học bạ lên Sở: %1</translation>
    </message>
    <message>
        <source>Records were not sent to the Department (no connection): they will be sent later.</source>
        <translation>Chưa gửi được học bạ lên Sở (không có kết nối): học bạ sẽ được gửi sau.</translation>
    </message>
    <message>
        <source>Sent to the Department: %1 record(s). Refused: %2. Not sent yet: %3.</source>
        <translation>Đã gửi lên Sở: %1 học bạ. Bị từ chối: %2. Chưa gửi được: %3.</translation>
    </message>
    <message>
        <source>No record is waiting to be sent to the Department.</source>
        <translation>Không có học bạ nào đang chờ gửi lên Sở.</translation>
    </message>
    <message>
        <source>Sent to the Department: %1 record(s).</source>
        <translation>Đã gửi lên Sở: %1 học bạ.</translation>
    </message>
    <message>
        <source>Refused by the Department: %1 (the records stay waiting; correct what the Department says, then send again).</source>
        <translation>Sở từ chối: %1 (các học bạ này vẫn chờ gửi; hãy sửa theo thông báo của Sở rồi gửi lại).</translation>
    </message>
    <message>
        <source>Not sent (no answer from the server): %1. They will be sent again next time.</source>
        <translation>Chưa gửi được (máy chủ không trả lời): %1. Lần sau chương trình sẽ gửi lại.</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>bị từ chối</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>chưa gửi được</translation>
    </message>
    <message>
        <source>• Class %1, code %2 (%3): %4</source>
        <translation>• Lớp %1, mã %2 (%3): %4</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>… và %1 học bạ khác.</translation>
    </message>
    <message>
        <source>Receiving lock receipts</source>
        <translation>Nhận biên nhận khoá sổ</translation>
    </message>
    <message>
        <source>Receiving the Department&apos;s lock receipts…</source>
        <translation>Đang nhận biên nhận khoá sổ của Sở…</translation>
    </message>
    <message>
        <source>Receipts received: %1. Records newly locked: %2.</source>
        <translation>Đã nhận %1 biên nhận. Số học bạ mới được khoá: %2.</translation>
    </message>
    <message>
        <source>%1 receipt(s) did not pass the check against the Department&apos;s certificate and were not used. Tell the Department.</source>
        <translation>%1 biên nhận không khớp với chứng thư của Sở nên không được dùng. Hãy báo cho Sở.</translation>
    </message>
</context>
<context>
    <name>hocba::ui::EntryGridModel</name>
    <message>
        <source>Undone: %1.</source>
        <translation>Đã hoàn tác: %1.</translation>
    </message>
    <message>
        <source>Redone: %1.</source>
        <translation>Đã làm lại: %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) could not be changed back: %1</source>
        <translation>
            <numerusform>%n ô không thể khôi phục: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>outside the grid</source>
        <translation>nằm ngoài bảng</translation>
    </message>
    <message>
        <source>the pupil&apos;s number, code and name are not entered here</source>
        <translation>số thứ tự, mã và họ tên học sinh không nhập ở đây</translation>
    </message>
    <message>
        <source>%1 is worked out from the other marks</source>
        <translation>%1 do phần mềm tự tính từ các điểm khác</translation>
    </message>
    <message>
        <source>this pupil&apos;s record cannot be changed</source>
        <translation>không thể thay đổi học bạ của học sinh này</translation>
    </message>
    <message>
        <source>%1 sessions absent: more than the %2 sessions Circular 22 allows in a year.</source>
        <translation>Nghỉ %1 buổi: vượt quá %2 buổi mỗi năm theo Thông tư 22.</translation>
    </message>
    <message>
        <source>%1 sessions absent: near the %2 sessions Circular 22 allows in a year.</source>
        <translation>Nghỉ %1 buổi: gần tới mức %2 buổi mỗi năm theo Thông tư 22.</translation>
    </message>
    <message>
        <source>Typing in %1</source>
        <translation>Nhập vào %1</translation>
    </message>
    <message>
        <source>not in this grid</source>
        <translation>không có trong bảng này</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Chưa lưu được gì: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) saved</source>
        <translation>
            <numerusform>Đã lưu %n ô</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused: %1</source>
        <translation>
            <numerusform>%n ô bị từ chối: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hocba::ui::EntryGridView</name>
    <message numerus="yes">
        <source>Paste of %n cell(s)</source>
        <translation>
            <numerusform>Dán %n ô</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Clearing %n cell(s)</source>
        <translation>
            <numerusform>Xoá %n ô</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 của %2</translation>
    </message>
    <message>
        <source>Cell &amp;history…</source>
        <translation>&amp;Lịch sử ô…</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Sao chép</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>&amp;Xoá</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Làm &amp;lại</translation>
    </message>
    <message numerus="yes">
        <source>Fill of %n comment(s)</source>
        <translation>
            <numerusform>Điền %n nhận xét</numerusform>
        </translation>
    </message>
    <message>
        <source>Type to search the comment bank</source>
        <translation>Gõ để tìm trong ngân hàng nhận xét</translation>
    </message>
    <message>
        <source>&amp;Fill comments from the bank…</source>
        <translation>Điền &amp;nhận xét từ ngân hàng…</translation>
    </message>
</context>
<context>
    <name>hocba::ui::EntryLocksDialog</name>
    <message>
        <source>Entry locks: school year %1</source>
        <translation>Khoá nhập liệu: năm học %1</translation>
    </message>
    <message>
        <source>A lock stops teachers from typing, pasting or importing marks and comments in its scope. Lifting a lock needs a reason; both are kept in the audit log.</source>
        <translation>Khoá không cho giáo viên gõ, dán hoặc nhập từ tệp điểm và nhận xét trong phạm vi của khoá. Muốn mở khoá phải ghi lý do; cả việc khoá và mở khoá đều được lưu trong nhật ký kiểm tra.</translation>
    </message>
    <message>
        <source>Only the principal and the administrator can lock or unlock entry. These locks are in force: the cells they cover cannot be changed.</source>
        <translation>Chỉ hiệu trưởng và quản trị viên mới được khoá hoặc mở khoá nhập liệu. Các khoá sau đang có hiệu lực: không thể thay đổi các ô thuộc phạm vi của chúng.</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Phạm vi</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Môn học</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Kì</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <source>Locked by</source>
        <translation>Người khoá</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Why the selected lock is lifted (required)</source>
        <translation>Lý do mở khoá đã chọn (bắt buộc)</translation>
    </message>
    <message>
        <source>&amp;Lift the selected lock…</source>
        <translation>&amp;Mở khoá đã chọn…</translation>
    </message>
    <message>
        <source>Add a lock</source>
        <translation>Thêm khoá</translation>
    </message>
    <message>
        <source>The teachers see it, e.g. &quot;Semester I marks are final.&quot;</source>
        <translation>Giáo viên sẽ thấy lý do này, ví dụ &quot;Điểm học kì I đã chốt.&quot;</translation>
    </message>
    <message>
        <source>&amp;Add the lock</source>
        <translation>&amp;Thêm khoá</translation>
    </message>
    <message>
        <source>&amp;Where:</source>
        <translation>&amp;Phạm vi:</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Môn học:</translation>
    </message>
    <message>
        <source>&amp;Term:</source>
        <translation>&amp;Kì:</translation>
    </message>
    <message>
        <source>&amp;Column:</source>
        <translation>&amp;Cột:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Lý do:</translation>
    </message>
    <message>
        <source>Whole school</source>
        <translation>Toàn trường</translation>
    </message>
    <message>
        <source>Grade %1</source>
        <translation>Khối %1</translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation>Lớp %1</translation>
    </message>
    <message>
        <source>All subjects and the homeroom columns</source>
        <translation>Tất cả môn học và các cột chủ nhiệm</translation>
    </message>
    <message>
        <source>All terms</source>
        <translation>Tất cả các kì</translation>
    </message>
    <message>
        <source>All columns</source>
        <translation>Tất cả các cột</translation>
    </message>
    <message>
        <source>No lock is in force in %1: every draft record can be entered.</source>
        <translation>Không có khoá nào đang có hiệu lực trong %1: có thể nhập liệu cho mọi học bạ đang soạn.</translation>
    </message>
    <message>
        <source>Lock %1 added: %2.</source>
        <translation>Đã thêm khoá %1: %2.</translation>
    </message>
    <message>
        <source>Select the lock to lift in the list.</source>
        <translation>Hãy chọn trong danh sách khoá cần mở.</translation>
    </message>
    <message>
        <source>Write why the lock is lifted: the reason is kept in the audit log.</source>
        <translation>Hãy ghi lý do mở khoá: lý do được lưu trong nhật ký thay đổi.</translation>
    </message>
    <message>
        <source>Lift the lock</source>
        <translation>Mở khoá</translation>
    </message>
    <message>
        <source>Lift lock %1 (%2)? Teachers can then change these marks and comments again.</source>
        <translation>Mở khoá %1 (%2)? Sau đó giáo viên có thể sửa lại các điểm và nhận xét này.</translation>
    </message>
    <message>
        <source>Lock %1 lifted: %2.</source>
        <translation>Đã mở khoá %1: %2.</translation>
    </message>
</context>
<context>
    <name>hocba::ui::EntryWorkspace</name>
    <message>
        <source>Entry — class %1, %2</source>
        <translation>Nhập liệu — lớp %1, %2</translation>
    </message>
    <message>
        <source>&amp;Grid:</source>
        <translation>&amp;Bảng nhập:</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>Hoàn tác thay đổi vừa rồi (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo (Ctrl+Y)</source>
        <translation>Làm lại (Ctrl+Y)</translation>
    </message>
    <message>
        <source>&amp;Pupil form…</source>
        <translation>&amp;Phiếu học sinh…</translation>
    </message>
    <message>
        <source>The chosen pupil&apos;s qualities and competencies in a form</source>
        <translation>Phẩm chất và năng lực của học sinh đã chọn, dạng phiếu</translation>
    </message>
    <message>
        <source>%1 (read only)</source>
        <translation>%1 (chỉ xem)</translation>
    </message>
    <message>
        <source>There is no grid to fill for this class.</source>
        <translation>Lớp này không có bảng nhập điểm nào cần điền.</translation>
    </message>
    <message numerus="yes">
        <source>%n pupil(s)</source>
        <translation>
            <numerusform>%n học sinh</numerusform>
        </translation>
    </message>
    <message>
        <source>you may read this grid but not change it</source>
        <translation>thầy cô chỉ được xem, không được sửa bảng này</translation>
    </message>
    <message>
        <source>&amp;Spreadsheet</source>
        <translation>&amp;Bảng tính</translation>
    </message>
    <message>
        <source>&amp;Save this grid as a spreadsheet…</source>
        <translation>&amp;Lưu bảng này thành bảng tính…</translation>
    </message>
    <message>
        <source>Save the grid as a spreadsheet</source>
        <translation>Lưu bảng thành bảng tính</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>&amp;Fill from a spreadsheet…</source>
        <translation>Đ&amp;iền từ bảng tính…</translation>
    </message>
    <message>
        <source>Fill the grid from a spreadsheet</source>
        <translation>Điền bảng từ bảng tính</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv);;All files (*)</source>
        <translation>Bảng tính (*.xlsx *.xls *.csv);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>Save the grid to fill it in Excel, and fill the grid from that file (one undo step)</source>
        <translation>Lưu bảng ra tệp để điền bằng Excel, rồi điền bảng từ tệp đó (hoàn tác được trong một bước)</translation>
    </message>
    <message>
        <source>%1 — class %2, school year %3</source>
        <translation>%1 — lớp %2, năm học %3</translation>
    </message>
    <message>
        <source>The grid was saved as %1. Fill it in Excel, then use &quot;Fill from a spreadsheet&quot;.</source>
        <translation>Đã lưu bảng thành tệp %1. Điền bằng Excel, rồi dùng &quot;Điền từ bảng tính&quot;.</translation>
    </message>
    <message>
        <source>The file holds no sheet.</source>
        <translation>Tệp không có trang tính nào.</translation>
    </message>
    <message>
        <source>Fill from %1</source>
        <translation>Điền từ %1</translation>
    </message>
    <message>
        <source>%1: nothing to change in this grid.</source>
        <translation>%1: không có gì thay đổi trong bảng này.</translation>
    </message>
    <message>
        <source>Not used from the file: %1</source>
        <translation>Không dùng từ tệp: %1</translation>
    </message>
</context>
<context>
    <name>hocba::ui::ExportDialog</name>
    <message>
        <source>Export class %1</source>
        <translation>Xuất dữ liệu lớp %1</translation>
    </message>
    <message>
        <source>Detailed grade book of a subject (Bảng điểm chi tiết)</source>
        <translation>Bảng điểm chi tiết của một môn học</translation>
    </message>
    <message>
        <source>Summary of the class&apos;s results (Bảng tổng hợp)</source>
        <translation>Bảng tổng hợp kết quả của lớp</translation>
    </message>
    <message>
        <source>Student list (Danh sách học sinh)</source>
        <translation>Danh sách học sinh</translation>
    </message>
    <message>
        <source>&amp;Workbook:</source>
        <translation>&amp;Bảng tính:</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Môn học:</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Kì đánh giá:</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Xuất…</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>Cả năm</translation>
    </message>
    <message>
        <source>Semester 1</source>
        <translation>Học kì I</translation>
    </message>
    <message>
        <source>Semester 2</source>
        <translation>Học kì II</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>Đã ghi %1.</translation>
    </message>
</context>
<context>
    <name>hocba::ui::ImportDialog</name>
    <message>
        <source>Undo the import</source>
        <translation>Hoàn tác lần nhập</translation>
    </message>
    <message>
        <source>Take back the import of “%1”? The students and marks it added or changed go back to what they were before it.</source>
        <translation>Hoàn tác lần nhập tệp “%1”? Các học sinh và điểm mà lần nhập đó đã thêm hoặc sửa sẽ trở lại như trước khi nhập.</translation>
    </message>
    <message>
        <source>Cannot undo the import</source>
        <translation>Không hoàn tác được lần nhập</translation>
    </message>
    <message>
        <source>Nothing was changed: the imported data stays. Correct it in the program, or correct the file and import it again.</source>
        <translation>Chưa có gì thay đổi: dữ liệu đã nhập vẫn giữ nguyên. Hãy sửa trực tiếp trong chương trình, hoặc sửa tệp rồi nhập lại.</translation>
    </message>
    <message>
        <source>The import of “%1” was taken back.</source>
        <translation>Đã hoàn tác lần nhập tệp “%1”.</translation>
    </message>
    <message>
        <source>Import from a file</source>
        <translation>Nhập dữ liệu từ tệp</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <source>A student list</source>
        <translation>Danh sách học sinh</translation>
    </message>
    <message>
        <source>The marks of one subject in a class (grade book)</source>
        <translation>Điểm một môn học của một lớp (sổ điểm)</translation>
    </message>
    <message>
        <source>The file holds:</source>
        <translation>Tệp chứa:</translation>
    </message>
    <message>
        <source>an Excel workbook (.xlsx, .xls) or a CSV file</source>
        <translation>tệp Excel (.xlsx, .xls) hoặc tệp CSV</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Save an empty template…</source>
        <translation>Lưu tệp mẫu trống…</translation>
    </message>
    <message>
        <source>An empty workbook with the columns this import reads, to fill in</source>
        <translation>Một tệp Excel trống có sẵn các cột mà chức năng nhập này đọc, để điền vào</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <source>School year:</source>
        <translation>Năm học:</translation>
    </message>
    <message>
        <source>Class %1 · School year %2</source>
        <translation>Lớp %1 · Năm học %2</translation>
    </message>
    <message>
        <source>Class:</source>
        <translation>Lớp:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Môn học:</translation>
    </message>
    <message>
        <source>Semester I</source>
        <translation>Học kì I</translation>
    </message>
    <message>
        <source>Semester II</source>
        <translation>Học kì II</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>Cả năm</translation>
    </message>
    <message>
        <source>Term:</source>
        <translation>Kì đánh giá:</translation>
    </message>
    <message>
        <source>Nothing is written to the school file until you have seen the preview and chosen Import.</source>
        <translation>Chưa có gì được ghi vào tệp dữ liệu cho đến khi bạn xem trước và chọn Nhập.</translation>
    </message>
    <message>
        <source>Show only rows with a problem</source>
        <translation>Chỉ hiện dòng có vấn đề</translation>
    </message>
    <message>
        <source>Write nothing if any row is rejected</source>
        <translation>Không ghi gì nếu có dòng bị từ chối</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>Chọn tệp cần nhập</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.csv);;All files (*)</source>
        <translation>Bảng tính (*.xlsx *.xls *.csv);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>Save an empty template</source>
        <translation>Lưu tệp mẫu trống</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>The empty template is saved as %1. Fill it in, then import it here.</source>
        <translation>Đã lưu tệp mẫu trống thành %1. Hãy điền vào tệp rồi nhập tại đây.</translation>
    </message>
    <message>
        <source>Reading the file… Nothing is written yet.</source>
        <translation>Đang đọc tệp… Chưa ghi gì vào tệp dữ liệu.</translation>
    </message>
    <message>
        <source>Writing to the school file…</source>
        <translation>Đang ghi vào tệp dữ liệu…</translation>
    </message>
    <message>
        <source>Stopping: the dialog closes as soon as the file has been read. Nothing is written.</source>
        <translation>Đang dừng: hộp thoại sẽ đóng ngay khi đọc xong tệp. Không có gì được ghi.</translation>
    </message>
    <message>
        <source>Cannot read the file</source>
        <translation>Không đọc được tệp</translation>
    </message>
    <message>
        <source>Cannot import the file</source>
        <translation>Không nhập được tệp</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Nothing was written: %1 rows were rejected. Correct them in the file and import it again.</source>
        <translation>Không có gì được ghi: %1 dòng bị từ chối. Hãy sửa các dòng đó trong tệp rồi nhập lại.</translation>
    </message>
    <message>
        <source>Nothing was changed: the school file already holds what this file holds.</source>
        <translation>Không có gì thay đổi: tệp dữ liệu đã có sẵn mọi nội dung của tệp này.</translation>
    </message>
    <message>
        <source>The import is written: %1 new, %2 updated, %3 unchanged.</source>
        <translation>Đã nhập xong: %1 dòng thêm mới, %2 dòng cập nhật, %3 dòng không đổi.</translation>
    </message>
    <message>
        <source>%1 rows were not imported (rejected or in conflict); the preview listed why.</source>
        <translation>%1 dòng không được nhập (bị từ chối hoặc xung đột); lý do đã nêu trong phần xem trước.</translation>
    </message>
    <message>
        <source>To take the whole import back, choose Edit → Undo the import.</source>
        <translation>Muốn hoàn tác toàn bộ lần nhập này, chọn Sửa → Hoàn tác lần nhập.</translation>
    </message>
    <message>
        <source>The school has no class yet: import the student list first.</source>
        <translation>Trường chưa có lớp nào: hãy nhập danh sách học sinh trước.</translation>
    </message>
    <message>
        <source>Nothing to write: no row is new or changed.</source>
        <translation>Không có gì để ghi: không có dòng nào mới hoặc thay đổi.</translation>
    </message>
    <message>
        <source>%1 rows are rejected, so with the box above ticked nothing would be written. Correct the file and preview it again, or untick the box to import the other rows.</source>
        <translation>Có %1 dòng bị từ chối, nên khi ô phía trên đang được đánh dấu thì sẽ không có gì được ghi. Hãy sửa tệp rồi xem trước lại, hoặc bỏ đánh dấu ô đó để nhập các dòng còn lại.</translation>
    </message>
    <message>
        <source>%1 rows with a problem will not be imported; the other rows will.</source>
        <translation>%1 dòng có vấn đề sẽ không được nhập; các dòng còn lại sẽ được nhập.</translation>
    </message>
    <message>
        <source>A class&apos;s homeroom book: conduct, absences, comments / qualities, competencies</source>
        <translation>Sổ chủ nhiệm của lớp: rèn luyện, nghỉ học, nhận xét / phẩm chất, năng lực</translation>
    </message>
</context>
<context>
    <name>hocba::ui::ImportPreviewModel</name>
    <message>
        <source>Column “%1”: %2</source>
        <translation>Cột “%1”: %2</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Trang tính</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Cột</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Thêm mới</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Không đổi</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Bị từ chối</translation>
    </message>
</context>
<context>
    <name>hocba::ui::LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>The school file of %1 has accounts. Log in with yours to work on it.</source>
        <translation>Tệp dữ liệu của %1 có tài khoản. Hãy đăng nhập bằng tài khoản của bạn để làm việc.</translation>
    </message>
    <message>
        <source>this school</source>
        <translation>trường này</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <source>Nobody logged in.</source>
        <translation>Chưa có ai đăng nhập.</translation>
    </message>
    <message>
        <source>Logged in: %1 (%2)</source>
        <translation>Đang đăng nhập: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>hocba::ui::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Open data file…</source>
        <translation>&amp;Mở tệp dữ liệu…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Tệp &amp;gần đây</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Cài đặt</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;About %1</source>
        <translation>Gi&amp;ới thiệu %1</translation>
    </message>
    <message>
        <source>No data file is open.</source>
        <translation>Chưa mở tệp dữ liệu nào.</translation>
    </message>
    <message>
        <source>Open data file…</source>
        <translation>Mở tệp dữ liệu…</translation>
    </message>
    <message>
        <source>Find a student…</source>
        <translation>Tìm học sinh…</translation>
    </message>
    <message>
        <source>Type part of a name (with or without accents) or an ID number</source>
        <translation>Gõ một phần họ tên (có dấu hoặc không dấu) hoặc số định danh</translation>
    </message>
    <message>
        <source>The file that was open stays open. You can open another file with File → Open data file….</source>
        <translation>Tệp đang mở vẫn được giữ nguyên. Thầy cô có thể mở tệp khác bằng Tệp → Mở tệp dữ liệu….</translation>
    </message>
    <message>
        <source>You can open another data file with File → Open data file….</source>
        <translation>Thầy cô có thể mở tệp dữ liệu khác bằng Tệp → Mở tệp dữ liệu….</translation>
    </message>
    <message>
        <source>Cannot open the data file</source>
        <translation>Không mở được tệp dữ liệu</translation>
    </message>
    <message>
        <source>Open data file</source>
        <translation>Mở tệp dữ liệu</translation>
    </message>
    <message>
        <source>School record files (*.hocba);;All files (*)</source>
        <translation>Tệp học bạ (*.hocba);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>No data file is open</source>
        <translation>Chưa mở tệp dữ liệu</translation>
    </message>
    <message>
        <source>School year %1</source>
        <translation>Năm học %1</translation>
    </message>
    <message>
        <source>Grade %1</source>
        <translation>Khối %1</translation>
    </message>
    <message>
        <source>Class %1 (%2)</source>
        <translation>Lớp %1 (%2)</translation>
    </message>
    <message>
        <source>Students: %1</source>
        <translation>Số học sinh: %1</translation>
    </message>
    <message>
        <source>(school name not entered yet)</source>
        <translation>(chưa nhập tên trường)</translation>
    </message>
    <message>
        <source>Students: %1 · Classes: %2</source>
        <translation>Học sinh: %1 · Lớp: %2</translation>
    </message>
    <message>
        <source>School year %1 · Grade %2</source>
        <translation>Năm học %1 · Khối %2</translation>
    </message>
    <message>
        <source>Choose a class to see its students.</source>
        <translation>Chọn một lớp để xem danh sách học sinh.</translation>
    </message>
    <message>
        <source>Cannot show the class</source>
        <translation>Không hiển thị được lớp</translation>
    </message>
    <message>
        <source>Class %1 · School year %2</source>
        <translation>Lớp %1 · Năm học %2</translation>
    </message>
    <message>
        <source>Homeroom teacher: %1</source>
        <translation>GVCN: %1</translation>
    </message>
    <message>
        <source>Showing %1 of %2 students</source>
        <translation>Đang hiện %1/%2 học sinh</translation>
    </message>
    <message>
        <source>(no recent files)</source>
        <translation>(chưa có tệp nào)</translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation>&amp;Xoá danh sách</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Phiên bản %1</translation>
    </message>
    <message>
        <source>Digital school records for primary and lower-secondary schools, kept according to Circular 27/2020/TT-BGDĐT (primary) and Circular 22/2021/TT-BGDĐT (lower secondary).</source>
        <translation>Học bạ điện tử cho trường tiểu học và trung học cơ sở, theo Thông tư 27/2020/TT-BGDĐT (tiểu học) và Thông tư 22/2021/TT-BGDĐT (trung học cơ sở).</translation>
    </message>
    <message>
        <source>Built with Qt %1, running on Qt %2.</source>
        <translation>Xây dựng với Qt %1, đang chạy trên Qt %2.</translation>
    </message>
    <message>
        <source>Data file: %1</source>
        <translation>Tệp dữ liệu: %1</translation>
    </message>
    <message>
        <source>Free software under the GNU General Public License, version 3 or later.</source>
        <translation>Phần mềm tự do theo Giấy phép Công cộng GNU (GPL), phiên bản 3 trở lên.</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Giới thiệu %1</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>The new language will be used the next time you start %1.</source>
        <translation>Ngôn ngữ mới sẽ được dùng từ lần mở %1 tiếp theo.</translation>
    </message>
    <message>
        <source>Cannot show the record</source>
        <translation>Không hiển thị được học bạ</translation>
    </message>
    <message>
        <source>&amp;Records</source>
        <translation>&amp;Học bạ</translation>
    </message>
    <message>
        <source>&amp;Confirm and sign this class…</source>
        <translation>&amp;Xác nhận và ký lớp này…</translation>
    </message>
    <message>
        <source>Sign the &amp;whole school…</source>
        <translation>Ký &amp;cả trường…</translation>
    </message>
    <message>
        <source>C&amp;heck school records…</source>
        <translation>&amp;Kiểm tra học bạ…</translation>
    </message>
    <message>
        <source>Demo USB token &quot;%1&quot; is ready: its PIN is 123456. It is for trying the program only; records signed with it are not legally valid.</source>
        <translation>Token USB DEMO &quot;%1&quot; đã sẵn sàng, mã PIN là 123456. Token này chỉ để dùng thử; học bạ ký bằng token này không có giá trị pháp lý.</translation>
    </message>
    <message>
        <source>Check school records</source>
        <translation>Kiểm tra học bạ</translation>
    </message>
    <message>
        <source>&amp;Preview the whole class&apos;s records</source>
        <translation>Xem &amp;học bạ cả lớp</translation>
    </message>
    <message>
        <source>School records of class %1, %2</source>
        <translation>Học bạ lớp %1, năm học %2</translation>
    </message>
    <message>
        <source>&amp;Trusted root certificates…</source>
        <translation>&amp;Chứng thư gốc tin cậy…</translation>
    </message>
    <message>
        <source>&amp;New school…</source>
        <translation>&amp;Trường mới…</translation>
    </message>
    <message>
        <source>&amp;Log out / switch user…</source>
        <translation>Đăng &amp;xuất / đổi người dùng…</translation>
    </message>
    <message>
        <source>&amp;Import from a file…</source>
        <translation>&amp;Nhập dữ liệu từ tệp…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>&amp;Undo the import</source>
        <translation>&amp;Hoàn tác lần nhập</translation>
    </message>
    <message>
        <source>Cannot show the school</source>
        <translation>Không hiển thị được thông tin trường</translation>
    </message>
    <message>
        <source>&amp;Send the whole school to the Department…</source>
        <translation>&amp;Gửi cả trường lên Sở…</translation>
    </message>
    <message>
        <source>Receive &amp;lock receipts…</source>
        <translation>Nhận &amp;biên nhận khoá sổ…</translation>
    </message>
    <message>
        <source>Connection to the &amp;Department of Education…</source>
        <translation>Kết nối &amp;Sở GDĐT…</translation>
    </message>
    <message>
        <source>&amp;Send class %1 to the Department…</source>
        <translation>&amp;Gửi lớp %1 lên Sở…</translation>
    </message>
    <message>
        <source>%1 record(s) waiting to be sent to the Department</source>
        <translation>%1 học bạ chờ gửi Sở</translation>
    </message>
    <message>
        <source>&amp;Versions of this school year…</source>
        <translation>&amp;Các bản của năm học này…</translation>
    </message>
    <message>
        <source>Co&amp;rrect after signing…</source>
        <translation>&amp;Sửa sau khi ký…</translation>
    </message>
    <message>
        <source>Re&amp;voke…</source>
        <translation>&amp;Thu hồi…</translation>
    </message>
    <message>
        <source>&amp;Transfer to another school…</source>
        <translation>Chuyển trường &amp;đi…</translation>
    </message>
    <message>
        <source>Receive a trans&amp;ferred record…</source>
        <translation>&amp;Nhận học bạ chuyển đến…</translation>
    </message>
    <message>
        <source>The Department has locked this school year: nothing can change.</source>
        <translation>Sở đã khoá năm học này: không thể thay đổi gì nữa.</translation>
    </message>
    <message>
        <source>%1 · School year %2, grade %3</source>
        <translation>%1 · Năm học %2, lớp %3</translation>
    </message>
    <message>
        <source>%1 · class %2</source>
        <translation>%1 · lớp %2</translation>
    </message>
    <message>
        <source>&amp;Signing: required signatures and seal…</source>
        <translation>&amp;Ký số: chữ ký bắt buộc và con dấu…</translation>
    </message>
    <message>
        <source>Check this class &amp;before signing…</source>
        <translation>&amp;Rà soát lớp này trước khi ký…</translation>
    </message>
    <message>
        <source>Principal&apos;s signing &amp;queue…</source>
        <translation>&amp;Hàng chờ ký của hiệu trưởng…</translation>
    </message>
    <message>
        <source>&amp;Deadline board…</source>
        <translation>&amp;Bảng theo dõi hạn…</translation>
    </message>
    <message>
        <source>Entry &amp;locks…</source>
        <translation>&amp;Khoá nhập liệu…</translation>
    </message>
    <message>
        <source>&amp;Print records…</source>
        <translation>&amp;In học bạ…</translation>
    </message>
    <message>
        <source>Print &amp;log…</source>
        <translation>&amp;Sổ theo dõi in…</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>&amp;Xuất…</translation>
    </message>
    <message>
        <source>E&amp;ntry</source>
        <translation>&amp;Nhập liệu</translation>
    </message>
    <message>
        <source>Open &amp;grid…</source>
        <translation>Mở &amp;bảng nhập điểm…</translation>
    </message>
    <message>
        <source>&amp;Comment bank…</source>
        <translation>Ngân hàng &amp;nhận xét…</translation>
    </message>
    <message>
        <source>Deadline board: school year %1</source>
        <translation>Bảng theo dõi hạn: năm học %1</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Nhập liệu</translation>
    </message>
    <message>
        <source>Choose a class on the left first.</source>
        <translation>Hãy chọn một lớp ở bên trái trước.</translation>
    </message>
    <message>
        <source>Extend &amp;archive time-stamps…</source>
        <translation>Gia hạn dấu thời gian &amp;lưu trữ…</translation>
    </message>
    <message>
        <source>Signing: &amp;time-stamping server…</source>
        <translation>Ký số: máy chủ cấp dấu &amp;thời gian…</translation>
    </message>
</context>
<context>
    <name>hocba::ui::NewSchoolDialog</name>
    <message>
        <source>New school</source>
        <translation>Trường mới</translation>
    </message>
    <message>
        <source>School name:</source>
        <translation>Tên trường:</translation>
    </message>
    <message>
        <source>e.g. Trường THCS Nguyễn Du</source>
        <translation>ví dụ: Trường THCS Nguyễn Du</translation>
    </message>
    <message>
        <source>School code:</source>
        <translation>Mã trường:</translation>
    </message>
    <message>
        <source>the code the Department gave the school</source>
        <translation>mã trường do Sở cấp</translation>
    </message>
    <message>
        <source>Province or city:</source>
        <translation>Tỉnh/thành phố:</translation>
    </message>
    <message>
        <source>e.g. Hà Nội</source>
        <translation>ví dụ: Hà Nội</translation>
    </message>
    <message>
        <source>Commune or ward (optional):</source>
        <translation>Xã/phường (không bắt buộc):</translation>
    </message>
    <message>
        <source>Lower secondary (grades 6–9)</source>
        <translation>Trung học cơ sở (lớp 6–9)</translation>
    </message>
    <message>
        <source>Primary (grades 1–5)</source>
        <translation>Tiểu học (lớp 1–5)</translation>
    </message>
    <message>
        <source>Both (grades 1–9)</source>
        <translation>Cả hai cấp (lớp 1–9)</translation>
    </message>
    <message>
        <source>Levels:</source>
        <translation>Cấp học:</translation>
    </message>
    <message>
        <source>First school year:</source>
        <translation>Năm học đầu tiên:</translation>
    </message>
    <message>
        <source>where the school&apos;s file is kept</source>
        <translation>nơi lưu tệp dữ liệu của trường</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Data file:</source>
        <translation>Tệp dữ liệu:</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Tạo</translation>
    </message>
    <message>
        <source>New data file</source>
        <translation>Tệp dữ liệu mới</translation>
    </message>
    <message>
        <source>School record files (*.hocba);;All files (*)</source>
        <translation>Tệp học bạ (*.hocba);;Tất cả các tệp (*)</translation>
    </message>
    <message>
        <source>Administrator&apos;s login:</source>
        <translation>Tên đăng nhập của người quản trị:</translation>
    </message>
    <message>
        <source>e.g. hang.it (a-z, 0-9, . _ -)</source>
        <translation>ví dụ: hang.it (a-z, 0-9, . _ -)</translation>
    </message>
    <message>
        <source>Administrator&apos;s full name:</source>
        <translation>Họ tên người quản trị:</translation>
    </message>
    <message>
        <source>e.g. Nguyễn Thu Hằng</source>
        <translation>ví dụ: Nguyễn Thu Hằng</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>ít nhất 8 ký tự</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Nhập lại mật khẩu:</translation>
    </message>
    <message>
        <source>Fill in the school&apos;s name, code, province, the data file and the administrator&apos;s account.</source>
        <translation>Hãy điền tên trường, mã trường, tỉnh/thành phố, tệp dữ liệu và tài khoản người quản trị.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Hai mật khẩu không giống nhau.</translation>
    </message>
</context>
<context>
    <name>hocba::ui::PinDialog</name>
    <message>
        <source>Enter the token PIN</source>
        <translation>Nhập mã PIN của token</translation>
    </message>
    <message>
        <source>USB token:</source>
        <translation>Token USB:</translation>
    </message>
    <message>
        <source>Certificate of:</source>
        <translation>Chứng thư số của:</translation>
    </message>
    <message>
        <source>PIN:</source>
        <translation>Mã PIN:</translation>
    </message>
    <message>
        <source>The next wrong PIN will lock the token PIN.</source>
        <translation>Lần nhập sai tiếp theo sẽ khoá PIN.</translation>
    </message>
    <message>
        <source>A wrong PIN has been entered at least once.</source>
        <translation>PIN đã nhập sai ít nhất một lần.</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Ký</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <source>Enter the PIN of your USB token to sign. The PIN is not stored.</source>
        <translation>Nhập mã PIN của token USB để ký. Mã PIN không được lưu lại.</translation>
    </message>
    <message>
        <source>Signing was cancelled: no PIN was entered.</source>
        <translation>Đã huỷ ký: chưa nhập mã PIN.</translation>
    </message>
    <message numerus="yes">
        <source>%n try(s) left before the PIN is locked.</source>
        <translation>
            <numerusform>Còn %n lần thử trước khi mã PIN bị khoá.</numerusform>
        </translation>
    </message>
    <message>
        <source>Caps Lock is on: PINs that contain letters are case-sensitive.</source>
        <translation>Phím Caps Lock đang bật: mã PIN có chữ cái thì phân biệt chữ hoa, chữ thường.</translation>
    </message>
    <message>
        <source>Vietnamese typing (Unikey, EVKey or the system&apos;s input method) seems to be on: switch it off (English mode) before typing the PIN, or the token will count a wrong PIN.</source>
        <translation>Có vẻ bộ gõ tiếng Việt (Unikey, EVKey hoặc bộ gõ của hệ điều hành) đang bật: hãy tắt bộ gõ (chuyển sang chế độ gõ tiếng Anh) trước khi nhập mã PIN, nếu không token sẽ tính là nhập sai mã PIN.</translation>
    </message>
</context>
<context>
    <name>hocba::ui::PrintLogDialog</name>
    <message>
        <source>Print log of class %1, school year %2</source>
        <translation>Sổ theo dõi in của lớp %1, năm học %2</translation>
    </message>
    <message>
        <source>Print log of school year %1</source>
        <translation>Sổ theo dõi in năm học %1</translation>
    </message>
    <message>
        <source>Print log</source>
        <translation>Sổ theo dõi in</translation>
    </message>
    <message>
        <source>Printed at</source>
        <translation>Thời điểm in</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Người in</translation>
    </message>
    <message>
        <source>School year</source>
        <translation>Năm học</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Lớp</translation>
    </message>
    <message>
        <source>Lookup code</source>
        <translation>Mã tra cứu</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Số bản</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>To</source>
        <translation>In ra</translation>
    </message>
    <message>
        <source>%1 (draft)</source>
        <translation>%1 (bản nháp)</translation>
    </message>
    <message>
        <source>printer</source>
        <translation>máy in</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Nothing has been printed yet.</source>
        <translation>Chưa có bản in nào.</translation>
    </message>
</context>
<context>
    <name>hocba::ui::PrintRecordsDialog</name>
    <message>
        <source>Print records</source>
        <translation>In học bạ</translation>
    </message>
    <message>
        <source>What to print</source>
        <translation>Phạm vi in</translation>
    </message>
    <message numerus="yes">
        <source>The chosen pupils (%n)</source>
        <translation>
            <numerusform>Các học sinh đã chọn (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>The whole class %1, school year %2</source>
        <translation>Cả lớp %1, năm học %2</translation>
    </message>
    <message>
        <source>Only the current version of each school year is printed; a year not signed yet prints marked as a draft.</source>
        <translation>Chỉ in phiên bản hiện hành của mỗi năm học; năm học chưa ký khi in sẽ được đánh dấu là bản nháp.</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Lý do:</translation>
    </message>
    <message>
        <source>Required when the reason is &quot;other&quot;</source>
        <translation>Bắt buộc khi lý do là &quot;Khác&quot;</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <source>&amp;Copies:</source>
        <translation>&amp;Số bản:</translation>
    </message>
    <message>
        <source>To a &amp;printer</source>
        <translation>Ra &amp;máy in</translation>
    </message>
    <message>
        <source>To a P&amp;DF file</source>
        <translation>Ra tệp P&amp;DF</translation>
    </message>
    <message>
        <source>Print to:</source>
        <translation>In ra:</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;In</translation>
    </message>
    <message>
        <source>Print to a PDF file</source>
        <translation>In ra tệp PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Stopping after the record being made…</source>
        <translation>Sẽ dừng sau khi tạo xong học bạ đang làm…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) printed and written to the print log</source>
        <translation>
            <numerusform>Đã in %n học bạ và ghi vào sổ theo dõi in</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n as drafts)</source>
        <translation>
            <numerusform> (%n bản nháp)</numerusform>
        </translation>
    </message>
    <message>
        <source>Not printed:</source>
        <translation>Không in được:</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Huỷ</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đó&amp;ng</translation>
    </message>
</context>
<context>
    <name>hocba::ui::QualitiesFormDialog</name>
    <message>
        <source>no code</source>
        <translation>chưa có mã</translation>
    </message>
    <message>
        <source>Qualities and competencies — %1 (%2), class %3</source>
        <translation>Phẩm chất và năng lực — %1 (%2), lớp %3</translation>
    </message>
    <message>
        <source>%1 (locked)</source>
        <translation>%1 (đã khoá)</translation>
    </message>
    <message>
        <source>This pupil is no longer in the grid; nothing was saved.</source>
        <translation>Học sinh này không còn trong bảng; chưa lưu gì.</translation>
    </message>
    <message>
        <source>Form of %1</source>
        <translation>Phiếu của %1</translation>
    </message>
</context>
<context>
    <name>hocba::ui::RecordPreviewWidget</name>
    <message>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Trang trước</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Trang sau</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Vừa chiều rộng</translation>
    </message>
    <message>
        <source>Fit the page to the window width</source>
        <translation>Cho trang vừa chiều rộng cửa sổ</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Xuất PDF…</translation>
    </message>
    <message>
        <source>Save the record as a PDF file</source>
        <translation>Lưu học bạ thành tệp PDF</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <source>Print the record</source>
        <translation>In học bạ</translation>
    </message>
    <message>
        <source>Page %1/%2</source>
        <translation>Trang %1/%2</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Xuất PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF file could not be written.</source>
        <translation>Không ghi được tệp PDF.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Printing was cancelled.</source>
        <translation>Đã hủy in.</translation>
    </message>
    <message>
        <source>Choose a student in the list to see their record.</source>
        <translation>Chọn một học sinh trong danh sách để xem học bạ.</translation>
    </message>
</context>
<context>
    <name>hocba::ui::RecordVersionsDialog</name>
    <message>
        <source>Versions of this school year</source>
        <translation>Các bản của năm học này</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Bản</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>Ngày mở</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Ngày ký</translation>
    </message>
    <message>
        <source>Submitted on</source>
        <translation>Ngày gửi Sở</translation>
    </message>
    <message>
        <source>Locked on</source>
        <translation>Ngày khoá</translation>
    </message>
    <message>
        <source>Revoked on</source>
        <translation>Ngày thu hồi</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Correct after signing…</source>
        <translation>Sửa sau khi ký…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Thu hồi…</translation>
    </message>
    <message>
        <source>Cannot read the versions</source>
        <translation>Không đọc được các bản</translation>
    </message>
</context>
<context>
    <name>hocba::ui::ReopenDialog</name>
    <message>
        <source>Correct after signing</source>
        <translation>Sửa sau khi ký</translation>
    </message>
    <message>
        <source>%1

A new draft version is opened with a copy of the signed one. The signed version stays valid until the new one is signed; then the new one replaces it at the Department.</source>
        <translation>%1

Một bản nháp mới được mở, chép từ bản đã ký. Bản đã ký vẫn có hiệu lực cho đến khi bản mới được ký; khi đó bản mới thay thế bản cũ trên Sở.</translation>
    </message>
    <message>
        <source>Reason for the correction:</source>
        <translation>Lý do sửa:</translation>
    </message>
    <message>
        <source>Open a new version</source>
        <translation>Mở bản mới để sửa</translation>
    </message>
    <message>
        <source>Opening a new version…</source>
        <translation>Đang mở bản mới…</translation>
    </message>
    <message>
        <source>Cannot correct this record</source>
        <translation>Không sửa được học bạ này</translation>
    </message>
</context>
<context>
    <name>hocba::ui::RevokeDialog</name>
    <message>
        <source>Revoke</source>
        <translation>Thu hồi</translation>
    </message>
    <message>
        <source>%1

Revoking takes this school year back from the Department (for example a record made for the wrong pupil). The principal signs the request with the USB token. This cannot be undone.</source>
        <translation>%1

Thu hồi là rút năm học này khỏi Sở (ví dụ học bạ lập nhầm cho học sinh khác). Hiệu trưởng ký đề nghị thu hồi bằng USB ký số. Việc này không hoàn tác được.</translation>
    </message>
    <message>
        <source>Reason for revoking:</source>
        <translation>Lý do thu hồi:</translation>
    </message>
    <message>
        <source>Sign and revoke</source>
        <translation>Ký và thu hồi</translation>
    </message>
    <message>
        <source>Choose the principal&apos;s token and certificate.</source>
        <translation>Hãy chọn USB ký số và chứng thư số của hiệu trưởng.</translation>
    </message>
    <message>
        <source>Waiting for the PIN, then signing the revoke request…</source>
        <translation>Đang chờ nhập mã PIN, sau đó ký đề nghị thu hồi…</translation>
    </message>
    <message>
        <source>Cannot revoke this record</source>
        <translation>Không thu hồi được học bạ này</translation>
    </message>
</context>
<context>
    <name>hocba::ui::SignDialog</name>
    <message>
        <source>Confirm and sign class %1</source>
        <translation>Xác nhận và ký lớp %1</translation>
    </message>
    <message>
        <source>Confirm and sign the whole school</source>
        <translation>Xác nhận và ký cả trường</translation>
    </message>
    <message>
        <source>Class %1, school year %2</source>
        <translation>Lớp %1, năm học %2</translation>
    </message>
    <message>
        <source>Every class of school year %1</source>
        <translation>Tất cả các lớp của năm học %1</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Search again</source>
        <translation>Tìm lại</translation>
    </message>
    <message>
        <source>USB token:</source>
        <translation>Token USB:</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Chứng thư số:</translation>
    </message>
    <message>
        <source>Sign as:</source>
        <translation>Ký với vai trò:</translation>
    </message>
    <message>
        <source>Confirmation of the records</source>
        <translation>Xác nhận hồ sơ</translation>
    </message>
    <message>
        <source>I have checked the warnings of these records and confirm them anyway (recorded with my name)</source>
        <translation>Tôi đã xem các cảnh báo của những hồ sơ này và vẫn xác nhận (ghi lại kèm họ tên của tôi)</translation>
    </message>
    <message>
        <source>Your full name</source>
        <translation>Họ và tên của bạn</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Học sinh</translation>
    </message>
    <message>
        <source>Why it is not confirmed</source>
        <translation>Lý do chưa xác nhận</translation>
    </message>
    <message>
        <source>The result of the signing will appear here.</source>
        <translation>Kết quả ký sẽ hiện ở đây.</translation>
    </message>
    <message>
        <source>Confirm and sign</source>
        <translation>Xác nhận và ký</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>%1 (issued by %2)</source>
        <translation>%1 (cấp bởi %2)</translation>
    </message>
    <message>
        <source>This token holds no certificate.</source>
        <translation>Token này không chứa chứng thư số nào.</translation>
    </message>
    <message>
        <source>Looking for USB tokens…</source>
        <translation>Đang tìm token USB…</translation>
    </message>
    <message>
        <source>The PIN of this token is locked. Contact your certificate provider (CA) to unlock it with the PUK code.</source>
        <translation>Mã PIN của token này đã bị khoá. Hãy liên hệ nhà cung cấp chứng thư số (CA) để mở khoá bằng mã PUK.</translation>
    </message>
    <message>
        <source>Holder: %1
Issued by: %2
Valid from %3 to %4</source>
        <translation>Người được cấp: %1
Đơn vị cấp: %2
Có hiệu lực từ %3 đến %4</translation>
    </message>
    <message>
        <source>This certificate cannot be used to sign: %1</source>
        <translation>Không thể dùng chứng thư số này để ký: %1</translation>
    </message>
    <message numerus="yes">
        <source>Warning: this certificate expires in %n day(s). Ask your CA to renew it.</source>
        <translation>
            <numerusform>Lưu ý: chứng thư số này còn %n ngày nữa là hết hạn. Hãy đề nghị nhà cung cấp dịch vụ chứng thực gia hạn.</numerusform>
        </translation>
    </message>
    <message>
        <source>The certificate is valid and trusted.</source>
        <translation>Chứng thư số hợp lệ và được tin cậy.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>No record is ready to sign: %1 record(s) could not be confirmed (see the list above).</source>
        <translation>Chưa có hồ sơ nào sẵn sàng để ký: %1 hồ sơ chưa xác nhận được (xem danh sách ở trên).</translation>
    </message>
    <message>
        <source>%1 record(s) could not be confirmed and will not be signed (see the list).</source>
        <translation>%1 hồ sơ chưa xác nhận được nên sẽ không được ký (xem danh sách).</translation>
    </message>
    <message>
        <source>%1 of them only have warnings: tick the acknowledgement, enter your name and sign again to include them.</source>
        <translation>Trong đó %1 hồ sơ chỉ có cảnh báo: hãy đánh dấu ô xác nhận, nhập họ tên rồi bấm ký lại để đưa các hồ sơ này vào.</translation>
    </message>
    <message>
        <source>Sign the %1 ready record(s) now?</source>
        <translation>Ký %1 hồ sơ đã sẵn sàng ngay bây giờ?</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>Đang ký</translation>
    </message>
    <message>
        <source>Stop after this record</source>
        <translation>Dừng sau hồ sơ này</translation>
    </message>
    <message>
        <source>Stopping after the record being signed…</source>
        <translation>Đang dừng sau khi ký xong hồ sơ hiện tại…</translation>
    </message>
    <message>
        <source>Waiting for the PIN…</source>
        <translation>Đang chờ nhập mã PIN…</translation>
    </message>
    <message>
        <source>Signing did not run.</source>
        <translation>Việc ký chưa được thực hiện.</translation>
    </message>
    <message>
        <source>Signing %1/%2 …</source>
        <translation>Đang ký %1/%2 …</translation>
    </message>
    <message>
        <source>%1 records per minute, about %2 left</source>
        <translation>%1 hồ sơ/phút, còn khoảng %2</translation>
    </message>
    <message>
        <source>Signing was cancelled: no PIN was entered. Nothing was signed.</source>
        <translation>Đã huỷ ký: chưa nhập mã PIN. Chưa hồ sơ nào được ký.</translation>
    </message>
    <message>
        <source>The PIN of this token is locked. Contact your certificate provider (CA) to unlock it with the PUK code. Nothing was signed.</source>
        <translation>Mã PIN của token này đã bị khoá. Hãy liên hệ nhà cung cấp chứng thư số (CA) để mở khoá bằng mã PUK. Chưa hồ sơ nào được ký.</translation>
    </message>
    <message>
        <source>PIN locked</source>
        <translation>PIN đã bị khoá</translation>
    </message>
    <message>
        <source>Wrong PIN. Nothing was signed; press &quot;Confirm and sign&quot; to try again.</source>
        <translation>Sai mã PIN. Chưa hồ sơ nào được ký; bấm &quot;Xác nhận và ký&quot; để thử lại.</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>Sai mã PIN</translation>
    </message>
    <message>
        <source>Signing failed: %1</source>
        <translation>Ký không thành công: %1</translation>
    </message>
    <message>
        <source>USB token removed</source>
        <translation>Đã rút USB token</translation>
    </message>
    <message>
        <source>Please plug the USB token back in. %1 record(s) are still to be signed; they continue with the same certificate.</source>
        <translation>Hãy cắm lại USB token. Còn %1 hồ sơ chưa ký; việc ký sẽ tiếp tục với cùng chứng thư số.</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Tiếp tục</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message numerus="yes">
        <source>A signing batch in this role was left unfinished with another certificate (%n record(s) not signed yet). To finish it with that certificate, press No and choose its token.</source>
        <translation>
            <numerusform>Có một đợt ký với vai trò này còn dở dang, được bắt đầu bằng một chứng thư số khác (còn %n hồ sơ chưa ký). Để ký nốt bằng chứng thư số đó, hãy bấm Không rồi chọn đúng USB token của nó.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unfinished signing batch</source>
        <translation>Đợt ký còn dở dang</translation>
    </message>
    <message>
        <source>Set the unfinished batch aside and sign with this certificate? The records it did not sign stay confirmed; nothing is lost.</source>
        <translation>Gác lại đợt ký dở dang và ký bằng chứng thư số này? Các hồ sơ đợt đó chưa ký vẫn giữ trạng thái đã xác nhận, không mất gì.</translation>
    </message>
    <message>
        <source>No USB token found. Plug in your token: it is looked for again every few seconds.</source>
        <translation>Không tìm thấy USB token. Hãy cắm token vào máy: chương trình tự tìm lại sau vài giây.</translation>
    </message>
</context>
<context>
    <name>hocba::ui::SignPolicyDialog</name>
    <message>
        <source>A school year of a record counts as signed once every role ticked here has signed it. The rule is kept in the school&apos;s data file, so every computer of the school applies the same one.</source>
        <translation>Một năm học của học bạ chỉ được coi là đã ký khi mọi vai trò được đánh dấu ở đây đã ký. Quy định được lưu trong tệp dữ liệu của trường nên mọi máy tính của trường áp dụng như nhau.</translation>
    </message>
    <message>
        <source>A change applies to records signed from now on; records already signed keep their signatures.</source>
        <translation>Thay đổi áp dụng cho các hồ sơ ký từ nay; hồ sơ đã ký giữ nguyên chữ ký.</translation>
    </message>
    <message>
        <source>%1 (always required)</source>
        <translation>%1 (luôn bắt buộc)</translation>
    </message>
    <message>
        <source>Signing settings</source>
        <translation>Cài đặt ký số</translation>
    </message>
    <message>
        <source>School seal image</source>
        <translation>Ảnh con dấu của trường</translation>
    </message>
    <message>
        <source>Printed beside the principal&apos;s digital signature on every signed school year (PNG or JPEG, at most %1 KB; a scan of the round seal on a white or transparent background).</source>
        <translation>In bên cạnh chữ ký số của hiệu trưởng trên mọi năm học đã ký (PNG hoặc JPEG, tối đa %1 KB; ảnh quét con dấu tròn trên nền trắng hoặc trong suốt).</translation>
    </message>
    <message>
        <source>Choose image…</source>
        <translation>Chọn ảnh…</translation>
    </message>
    <message>
        <source>Choose the school seal image</source>
        <translation>Chọn ảnh con dấu của trường</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Ảnh (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xoá</translation>
    </message>
    <message>
        <source>Print the instructions page (Hướng dẫn ghi học bạ)</source>
        <translation>In trang hướng dẫn (Hướng dẫn ghi học bạ)</translation>
    </message>
    <message>
        <source>The page of instructions for filling in the record, printed after the cover of every book.</source>
        <translation>Trang hướng dẫn ghi học bạ, in sau trang bìa của mỗi cuốn học bạ.</translation>
    </message>
    <message>
        <source>No seal image</source>
        <translation>Chưa có ảnh con dấu</translation>
    </message>
    <message>
        <source>Cannot read the file %1.</source>
        <translation>Không đọc được tệp %1.</translation>
    </message>
</context>
<context>
    <name>hocba::ui::SigningQueueDialog</name>
    <message>
        <source>Principal&apos;s signing queue: school year %1</source>
        <translation>Hàng chờ ký của hiệu trưởng: năm học %1</translation>
    </message>
    <message>
        <source>Class / pupil</source>
        <translation>Lớp / học sinh</translation>
    </message>
    <message>
        <source>Approved by</source>
        <translation>Người phê duyệt</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>Ngày phê duyệt</translation>
    </message>
    <message>
        <source>&amp;Sign the ticked records…</source>
        <translation>&amp;Ký các học bạ đã đánh dấu…</translation>
    </message>
    <message>
        <source>One batch per class, one PIN per batch.</source>
        <translation>Mỗi lớp ký một đợt, mỗi đợt nhập mã PIN một lần.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Class %1: %2 approved of %3 pupils</source>
        <translation>Lớp %1: đã phê duyệt %2/%3 học sinh</translation>
    </message>
    <message>
        <source>No approved record waits for a signature in school year %1.</source>
        <translation>Năm học %1 không có học bạ đã phê duyệt nào đang chờ ký.</translation>
    </message>
    <message>
        <source>%1 approved records wait for the principal&apos;s signature in %2 classes.</source>
        <translation>%1 học bạ đã phê duyệt đang chờ hiệu trưởng ký, thuộc %2 lớp.</translation>
    </message>
</context>
<context>
    <name>hocba::ui::StartupController</name>
    <message>
        <source>The school data file to open.</source>
        <translation>Tệp dữ liệu của trường cần mở.</translation>
    </message>
    <message>
        <source>Open the demo school at PATH, creating it if needed.</source>
        <translation>Mở trường mẫu tại PATH, tạo mới nếu chưa có.</translation>
    </message>
    <message>
        <source>The demo school cannot be created in this version.</source>
        <translation>Phiên bản này chưa tạo được trường mẫu.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Không tạo được thư mục %1.</translation>
    </message>
    <message>
        <source>Demo school</source>
        <translation>Trường mẫu</translation>
    </message>
</context>
<context>
    <name>hocba::ui::StudentTableModel</name>
    <message>
        <source>Lookup code of this school record (parents use it to look the record up)</source>
        <translation>Mã tra cứu của học bạ này (phụ huynh dùng mã này để tra cứu học bạ)</translation>
    </message>
    <message>
        <source>No.</source>
        <extracomment>Column header: row number in the class list (Số thứ tự)</extracomment>
        <translation>STT</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <source>Personal ID number</source>
        <translation>Số định danh cá nhân</translation>
    </message>
    <message>
        <source>Student code</source>
        <extracomment>The student code issued by the Ministry of Education (Mã học sinh)</extracomment>
        <translation>Mã học sinh</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>Số đăng bộ</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Nơi sinh</translation>
    </message>
    <message>
        <source>Home town</source>
        <translation>Quê quán</translation>
    </message>
    <message>
        <source>Current address</source>
        <translation>Nơi ở</translation>
    </message>
    <message>
        <source>Father</source>
        <translation>Cha</translation>
    </message>
    <message>
        <source>Mother</source>
        <translation>Mẹ</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>Người giám hộ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Lookup code</source>
        <translation>Mã tra cứu</translation>
    </message>
    <message>
        <source>Submitted to the Department</source>
        <translation>Đã nộp Sở</translation>
    </message>
    <message>
        <source>Locked %1</source>
        <translation>Đã khoá %1</translation>
    </message>
    <message>
        <source>Transferred away %1</source>
        <translation>Chuyển đi %1</translation>
    </message>
    <message>
        <source>Transferred away on %1: read-only here.</source>
        <translation>Đã chuyển đi ngày %1: ở trường này chỉ xem, không sửa được.</translation>
    </message>
    <message>
        <source>Transferred to %1 on %2: read-only here.</source>
        <translation>Đã chuyển sang %1 ngày %2: ở trường này chỉ xem, không sửa được.</translation>
    </message>
</context>
<context>
    <name>hocba::ui::TokenChooser</name>
    <message>
        <source>Principal&apos;s USB token:</source>
        <translation>USB ký số của hiệu trưởng:</translation>
    </message>
    <message>
        <source>Certificate:</source>
        <translation>Chứng thư số:</translation>
    </message>
    <message>
        <source>No USB token found. Plug in the principal&apos;s token.</source>
        <translation>Không tìm thấy USB ký số. Hãy cắm USB ký số của hiệu trưởng.</translation>
    </message>
    <message>
        <source>%1 (issued by %2)</source>
        <translation>%1 (cấp bởi %2)</translation>
    </message>
    <message>
        <source>Looking for USB tokens…</source>
        <translation>Đang tìm token USB…</translation>
    </message>
    <message>
        <source>The PIN of this token is locked. Contact your certificate provider (CA) to unlock it with the PUK code.</source>
        <translation>Mã PIN của token này đã bị khoá. Hãy liên hệ nhà cung cấp chứng thư số (CA) để mở khoá bằng mã PUK.</translation>
    </message>
</context>
<context>
    <name>hocba::ui::TransferInDialog</name>
    <message>
        <source>Receive a transferred record</source>
        <translation>Nhận học bạ chuyển đến</translation>
    </message>
    <message>
        <source>Choose the package…</source>
        <translation>Chọn gói hồ sơ…</translation>
    </message>
    <message>
        <source>Transfer package:</source>
        <translation>Gói hồ sơ chuyển trường:</translation>
    </message>
    <message>
        <source>Choose the package (.hocba-transfer.zip) the old school gave you. It is checked before anything is written.</source>
        <translation>Hãy chọn gói hồ sơ (.hocba-transfer.zip) trường cũ gửi. Gói được kiểm tra trước khi ghi bất cứ điều gì.</translation>
    </message>
    <message>
        <source>School year</source>
        <translation>Năm học</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Khối lớp</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Bản</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Trường ký</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kết quả kiểm tra</translation>
    </message>
    <message>
        <source>Problems found:</source>
        <translation>Các lỗi phát hiện:</translation>
    </message>
    <message>
        <source>(no class yet)</source>
        <translation>(chưa xếp lớp)</translation>
    </message>
    <message>
        <source>Place in class (this school year):</source>
        <translation>Xếp vào lớp (năm học này):</translation>
    </message>
    <message>
        <source>Receive the record</source>
        <translation>Nhận học bạ</translation>
    </message>
    <message>
        <source>Choose the transfer package</source>
        <translation>Chọn gói hồ sơ chuyển trường</translation>
    </message>
    <message>
        <source>Transfer packages (*%1)</source>
        <translation>Gói hồ sơ chuyển trường (*%1)</translation>
    </message>
    <message>
        <source>Checking the package…</source>
        <translation>Đang kiểm tra gói hồ sơ…</translation>
    </message>
    <message>
        <source>This package cannot be read.</source>
        <translation>Không đọc được gói hồ sơ này.</translation>
    </message>
    <message>
        <source>%1, born %2, from %3 (%4) to %5 (%6), transfer date %7. Reason: %8</source>
        <translation>%1, sinh ngày %2, chuyển từ %3 (%4) đến %5 (%6), ngày chuyển %7. Lý do: %8</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Hợp lệ</translation>
    </message>
    <message>
        <source>Not valid</source>
        <translation>Không hợp lệ</translation>
    </message>
    <message>
        <source>This package cannot be received: see the problems below. Nothing was written.</source>
        <translation>Không nhận được gói hồ sơ này: xem các lỗi bên dưới. Chưa có gì được ghi.</translation>
    </message>
    <message>
        <source>No problem found: every signature is valid and nothing was changed.</source>
        <translation>Không có lỗi: mọi chữ ký đều hợp lệ và không có gì bị sửa.</translation>
    </message>
    <message>
        <source>Receiving the record…</source>
        <translation>Đang nhận học bạ…</translation>
    </message>
    <message>
        <source>The record was not received</source>
        <translation>Chưa nhận được học bạ</translation>
    </message>
    <message>
        <source>Record received</source>
        <translation>Đã nhận học bạ</translation>
    </message>
    <message numerus="yes">
        <source>The record was received with %n signed version(s).</source>
        <translation>
            <numerusform>Đã nhận học bạ gồm %n bản đã ký.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>hocba::ui::TransferOutDialog</name>
    <message>
        <source>Transfer to another school</source>
        <translation>Chuyển trường đi</translation>
    </message>
    <message>
        <source>%1

A transfer package is made with every signed version of the record and a statement the principal signs. Afterwards the record stays here read-only (&quot;chuyển đi&quot;). This cannot be undone.</source>
        <translation>%1

Phần mềm lập gói hồ sơ chuyển trường gồm mọi bản đã ký của học bạ và giấy xác nhận chuyển trường do hiệu trưởng ký. Sau đó học bạ vẫn lưu ở trường nhưng chỉ để xem (&quot;chuyển đi&quot;). Việc này không hoàn tác được.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Receiving school&apos;s code:</source>
        <translation>Mã trường chuyển đến:</translation>
    </message>
    <message>
        <source>Receiving school&apos;s name:</source>
        <translation>Tên trường chuyển đến:</translation>
    </message>
    <message>
        <source>Transfer date:</source>
        <translation>Ngày chuyển:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Lý do:</translation>
    </message>
    <message>
        <source>Save the package in:</source>
        <translation>Lưu gói hồ sơ vào:</translation>
    </message>
    <message>
        <source>Sign and make the package</source>
        <translation>Ký và lập gói hồ sơ</translation>
    </message>
    <message>
        <source>Save the package in</source>
        <translation>Lưu gói hồ sơ vào</translation>
    </message>
    <message>
        <source>Enter the receiving school&apos;s code and name.</source>
        <translation>Hãy nhập mã và tên trường chuyển đến.</translation>
    </message>
    <message>
        <source>The reason is too long (at most %1 characters).</source>
        <translation>Lý do quá dài (tối đa %1 ký tự).</translation>
    </message>
    <message>
        <source>Choose an existing folder to save the package in.</source>
        <translation>Hãy chọn một thư mục có sẵn để lưu gói hồ sơ.</translation>
    </message>
    <message>
        <source>Choose the principal&apos;s token and certificate.</source>
        <translation>Hãy chọn USB ký số và chứng thư số của hiệu trưởng.</translation>
    </message>
    <message>
        <source>Transfer this record to %1? Afterwards it can no longer be changed here.</source>
        <translation>Chuyển học bạ này sang %1? Sau đó học bạ không sửa được ở trường mình nữa.</translation>
    </message>
    <message>
        <source>Waiting for the PIN, then making the transfer package…</source>
        <translation>Đang chờ nhập mã PIN, sau đó lập gói hồ sơ chuyển trường…</translation>
    </message>
    <message>
        <source>The transfer did not run.</source>
        <translation>Chưa thực hiện được việc chuyển trường.</translation>
    </message>
    <message>
        <source>The record was not transferred</source>
        <translation>Chưa chuyển được học bạ</translation>
    </message>
    <message>
        <source>Transfer package made</source>
        <translation>Đã lập gói hồ sơ chuyển trường</translation>
    </message>
    <message>
        <source>Give this file to the receiving school:
%1</source>
        <translation>Hãy gửi tệp này cho trường chuyển đến:
%1</translation>
    </message>
</context>
<context>
    <name>hocba::ui::TrustAnchorsDialog</name>
    <message>
        <source>Trusted root certificates</source>
        <translation>Chứng thư gốc tin cậy</translation>
    </message>
    <message>
        <source>A signature is trusted only when the signer&apos;s certificate was issued by one of these certification service providers. The list is kept in the school&apos;s data file, so every computer of the school uses the same one.</source>
        <translation>Chữ ký số chỉ được tin cậy khi chứng thư số của người ký do một trong các tổ chức cung cấp dịch vụ chứng thực dưới đây cấp. Danh sách được lưu trong tệp dữ liệu của trường nên mọi máy tính của trường dùng chung một danh sách.</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Chứng thư số</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Đơn vị cấp</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Hiệu lực từ</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Hiệu lực đến</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>&amp;Add a root certificate…</source>
        <translation>&amp;Thêm chứng thư gốc…</translation>
    </message>
    <message>
        <source>Built into the program</source>
        <translation>Có sẵn trong chương trình</translation>
    </message>
    <message>
        <source>Added by %1 on %2</source>
        <translation>Do %1 thêm ngày %2</translation>
    </message>
    <message>
        <source>%1
SHA-256: %2</source>
        <translation>%1
SHA-256: %2</translation>
    </message>
    <message>
        <source>None yet: add the root certificate of your certification service provider (for example from its website).</source>
        <translation>Chưa có: hãy thêm chứng thư gốc của tổ chức cung cấp dịch vụ chứng thực (ví dụ tải từ trang web của tổ chức đó).</translation>
    </message>
    <message>
        <source>Choose a root certificate</source>
        <translation>Chọn chứng thư gốc</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Chứng thư số (*.pem *.crt *.cer *.der);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Không đọc được tệp.</translation>
    </message>
    <message>
        <source>Add this root certificate to the school&apos;s trusted list?</source>
        <translation>Thêm chứng thư gốc này vào danh sách tin cậy của trường?</translation>
    </message>
    <message>
        <source>Certificate: %1
Issued by: %2
Valid: %3 – %4
SHA-256 fingerprint:
%5</source>
        <translation>Chứng thư: %1
Đơn vị cấp: %2
Hiệu lực: %3 – %4
Dấu vân tay SHA-256:
%5</translation>
    </message>
    <message>
        <source>Compare the fingerprint with the one your certification service provider publishes: a wrong root certificate would make forged signatures look valid.</source>
        <translation>Hãy đối chiếu dấu vân tay với giá trị do tổ chức cung cấp dịch vụ chứng thực công bố: thêm nhầm chứng thư gốc sẽ khiến chữ ký giả mạo trông như hợp lệ.</translation>
    </message>
</context>
<context>
    <name>hocba::ui::TsaSettingsDialog</name>
    <message>
        <source>%1 (issued by %2), valid from %3 to %4</source>
        <translation>%1 (do %2 cấp), hiệu lực từ %3 đến %4</translation>
    </message>
    <message>
        <source>Time-stamping server</source>
        <translation>Máy chủ cấp dấu thời gian</translation>
    </message>
    <message>
        <source>A time-stamping server adds a trusted time to every signature. Without one, a signature carries only the time the signing computer claims.</source>
        <translation>Máy chủ cấp dấu thời gian thêm thời điểm tin cậy vào mọi chữ ký. Không có máy chủ, chữ ký chỉ mang thời điểm do máy tính ký tự ghi.</translation>
    </message>
    <message>
        <source>Current setting</source>
        <translation>Cài đặt hiện tại</translation>
    </message>
    <message>
        <source>You can read this setting but not change it: changing it needs the right to %1, which your account does not have. Ask the school&apos;s administrator.</source>
        <translation>Bạn xem được cài đặt này nhưng không sửa được: muốn sửa cần quyền %1, mà tài khoản của bạn không có. Hãy nhờ người quản trị của trường.</translation>
    </message>
    <message>
        <source>The server the certification service provider gives the school</source>
        <translation>Địa chỉ máy chủ do nhà cung cấp dịch vụ chứng thực cấp cho trường</translation>
    </message>
    <message>
        <source>No root certificate chosen</source>
        <translation>Chưa chọn chứng thư gốc</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Choose the time-stamping server&apos;s root certificate</source>
        <translation>Chọn chứng thư gốc của máy chủ cấp dấu thời gian</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Chứng thư số (*.pem *.crt *.cer *.der);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Server address:</source>
        <translation>Địa chỉ máy chủ:</translation>
    </message>
    <message>
        <source>Root certificate:</source>
        <translation>Chứng thư gốc:</translation>
    </message>
    <message>
        <source>Sign without a time-stamp when the server does not answer</source>
        <translation>Ký không có dấu thời gian khi máy chủ không trả lời</translation>
    </message>
    <message>
        <source>When ticked, a signing batch goes on while the server is unreachable, but the records signed then carry only the time the computer claims (level B), as without a server. When not ticked, the batch stops and can be resumed once the server answers again.</source>
        <translation>Khi đánh dấu, đợt ký vẫn tiếp tục lúc không kết nối được máy chủ, nhưng các học bạ ký lúc đó chỉ mang thời điểm do máy tính tự ghi (mức B), như khi không có máy chủ. Khi không đánh dấu, đợt ký dừng lại và có thể ký tiếp khi máy chủ trả lời trở lại.</translation>
    </message>
    <message>
        <source>Test the server</source>
        <translation>Thử máy chủ</translation>
    </message>
    <message>
        <source>Asks the server at the address above for one time-stamp and checks it against the root certificate. Nothing is signed or stored.</source>
        <translation>Xin máy chủ ở địa chỉ trên một dấu thời gian và kiểm tra nó bằng chứng thư gốc. Không ký và không lưu gì.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Remove the server</source>
        <translation>Gỡ máy chủ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>No time-stamping server: signatures carry only the time the computer claims (level B).</source>
        <translation>Không có máy chủ cấp dấu thời gian: chữ ký chỉ mang thời điểm do máy tính tự ghi (mức B).</translation>
    </message>
    <message>
        <source>Time-stamping server: %1 (signatures get its trusted time-stamp: level B-T)</source>
        <translation>Máy chủ cấp dấu thời gian: %1 (chữ ký được đóng dấu thời gian tin cậy của máy chủ này: mức B-T)</translation>
    </message>
    <message>
        <source>Root certificate: %1</source>
        <translation>Chứng thư gốc: %1</translation>
    </message>
    <message>
        <source>When it does not answer: sign without a time-stamp (level B).</source>
        <translation>Khi máy chủ không trả lời: ký không có dấu thời gian (mức B).</translation>
    </message>
    <message>
        <source>When it does not answer: the signing stops, and can be resumed later.</source>
        <translation>Khi máy chủ không trả lời: dừng ký, có thể ký tiếp sau.</translation>
    </message>
    <message>
        <source>The root certificate kept in the school file.</source>
        <translation>Chứng thư gốc đã lưu trong tệp dữ liệu của trường.</translation>
    </message>
    <message>
        <source>Cannot read the file %1.</source>
        <translation>Không đọc được tệp %1.</translation>
    </message>
    <message>
        <source>The file %1 is not the root certificate of a time-stamping server.</source>
        <translation>Tệp %1 không phải chứng thư gốc của máy chủ cấp dấu thời gian.</translation>
    </message>
    <message>
        <source>Choose the root certificate of the time-stamping server first (Choose…).</source>
        <translation>Trước hết hãy chọn chứng thư gốc của máy chủ cấp dấu thời gian (Chọn…).</translation>
    </message>
    <message>
        <source>Remove the time-stamping server? Records signed from now on will carry only the time the computer claims (level B). Records already signed keep their time-stamps.</source>
        <translation>Gỡ máy chủ cấp dấu thời gian? Học bạ ký từ bây giờ sẽ chỉ mang thời điểm do máy tính tự ghi (mức B). Học bạ đã ký vẫn giữ dấu thời gian của mình.</translation>
    </message>
    <message>
        <source>Write the server&apos;s whole address first, starting with https:// (or http://), as the certification service provider gives it.</source>
        <translation>Trước hết hãy ghi đầy đủ địa chỉ máy chủ, bắt đầu bằng https:// (hoặc http://), đúng như nhà cung cấp dịch vụ chứng thực cấp.</translation>
    </message>
    <message>
        <source>Asking %1 for a time-stamp…</source>
        <translation>Đang xin %1 một dấu thời gian…</translation>
    </message>
    <message>
        <source>The server answered, but its time-stamp cannot be trusted with the root certificate chosen here. Check that the root certificate is the one the certification service provider gives for this server.</source>
        <translation>Máy chủ đã trả lời, nhưng dấu thời gian của nó không được chứng thư gốc đã chọn ở đây bảo đảm. Hãy kiểm tra chứng thư gốc có đúng là chứng thư nhà cung cấp dịch vụ chứng thực cấp cho máy chủ này không.</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Đã huỷ việc thử.</translation>
    </message>
    <message>
        <source>The test failed: %1</source>
        <translation>Thử không thành công: %1</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Chi tiết: %1</translation>
    </message>
    <message>
        <source>The server works. Its time: %1 (this computer&apos;s clock: %2). Its time-stamps are signed by &quot;%3&quot;, which the chosen root certificate vouches for.</source>
        <translation>Máy chủ hoạt động tốt. Giờ của máy chủ: %1 (đồng hồ máy tính này: %2). Dấu thời gian của máy chủ được ký bởi "%3", được chứng thư gốc đã chọn bảo đảm.</translation>
    </message>
</context>
<context>
    <name>hocba::ui::VerifyWidget</name>
    <message>
        <source>Cannot be checked: %1</source>
        <translation>Không kiểm tra được: %1</translation>
    </message>
    <message>
        <source>Valid – signed by %1 on %2</source>
        <translation>Hợp lệ – đã được ký bởi %1 lúc %2</translation>
    </message>
    <message>
        <source>NOT valid: the file has no signature</source>
        <translation>KHÔNG hợp lệ: tệp không có chữ ký số</translation>
    </message>
    <message>
        <source>NOT valid: the document was changed after it was signed</source>
        <translation>KHÔNG hợp lệ: tài liệu đã bị thay đổi sau khi ký</translation>
    </message>
    <message>
        <source>The signature is intact, but the signer&apos;s certificate is not trusted</source>
        <translation>Chữ ký hợp lệ nhưng chứng thư số không được tin cậy</translation>
    </message>
    <message>
        <source>NOT valid: the certificate was not valid when the document was signed</source>
        <translation>KHÔNG hợp lệ: chứng thư số không còn hiệu lực vào thời điểm ký</translation>
    </message>
    <message>
        <source>NOT valid: %1</source>
        <translation>KHÔNG hợp lệ: %1</translation>
    </message>
    <message>
        <source>the signed record is not complete</source>
        <translation>hồ sơ đã ký chưa đầy đủ</translation>
    </message>
    <message>
        <source>Check school records</source>
        <translation>Kiểm tra học bạ</translation>
    </message>
    <message>
        <source>Open or drop here the signed records (PDF or XML files) you want to check.</source>
        <translation>Mở hoặc kéo thả vào đây các học bạ đã ký (tệp PDF hoặc XML) cần kiểm tra.</translation>
    </message>
    <message>
        <source>Open files…</source>
        <translation>Mở tệp…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Signed records (*.pdf *.xml);;All files (*)</source>
        <translation>Học bạ đã ký (*.pdf *.xml);;Tất cả các tệp (*)</translation>
    </message>
    <message numerus="yes">
        <source>Checking %n file(s)…</source>
        <translation>
            <numerusform>Đang kiểm tra %n tệp…</numerusform>
        </translation>
    </message>
    <message>
        <source>content unchanged</source>
        <translation>nội dung không thay đổi</translation>
    </message>
    <message>
        <source>content CHANGED</source>
        <translation>nội dung ĐÃ BỊ THAY ĐỔI</translation>
    </message>
    <message>
        <source>certificate trusted</source>
        <translation>chứng thư số được tin cậy</translation>
    </message>
    <message>
        <source>certificate NOT trusted</source>
        <translation>chứng thư số KHÔNG được tin cậy</translation>
    </message>
    <message>
        <source>certificate issued by %1, valid %2 – %3</source>
        <translation>chứng thư số do %1 cấp, hiệu lực %2 – %3</translation>
    </message>
    <message>
        <source>%1, signed on %2</source>
        <translation>%1, ký lúc %2</translation>
    </message>
    <message>
        <source>PDF signature</source>
        <translation>Chữ ký trên tệp PDF</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Chữ ký</translation>
    </message>
    <message>
        <source>Record data inside the PDF</source>
        <translation>Dữ liệu học bạ trong tệp PDF</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Vấn đề</translation>
    </message>
    <message>
        <source>Received by the Department, not locked yet</source>
        <translation>Sở đã nhận, chưa khoá</translation>
    </message>
    <message>
        <source>Locked by the Department</source>
        <translation>Sở đã khoá</translation>
    </message>
    <message>
        <source>Revoked: this version is no longer valid</source>
        <translation>Đã thu hồi: phiên bản này không còn giá trị</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Học sinh</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>School year</source>
        <translation>Năm học</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>Khối</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Lớp</translation>
    </message>
    <message>
        <source>Conduct</source>
        <translation>Kết quả rèn luyện</translation>
    </message>
    <message>
        <source>Homeroom teacher&apos;s comment</source>
        <translation>Nhận xét của giáo viên chủ nhiệm</translation>
    </message>
    <message>
        <source>Learning</source>
        <translation>Kết quả học tập</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Hoàn thành chương trình</translation>
    </message>
    <message>
        <source>Promotion</source>
        <translation>Lên lớp</translation>
    </message>
    <message>
        <source>Award</source>
        <translation>Khen thưởng</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <source>Locked on</source>
        <translation>Ngày khoá</translation>
    </message>
    <message>
        <source>Look up by code at the Department</source>
        <translation>Tra cứu bằng mã trên máy chủ của Sở</translation>
    </message>
    <message>
        <source>The code printed under the QR code, or the link it holds</source>
        <translation>Mã in dưới mã QR, hoặc đường dẫn trong mã QR</translation>
    </message>
    <message>
        <source>Read a QR code from a picture…</source>
        <translation>Đọc mã QR từ ảnh…</translation>
    </message>
    <message>
        <source>Look up</source>
        <translation>Tra cứu</translation>
    </message>
    <message>
        <source>Department&apos;s server:</source>
        <translation>Máy chủ của Sở:</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>Mã:</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Mục</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Read a QR code from a picture</source>
        <translation>Đọc mã QR từ ảnh</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg);;All files (*)</source>
        <translation>Ảnh (*.png *.jpg *.jpeg);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Look up by code</source>
        <translation>Tra cứu bằng mã</translation>
    </message>
    <message>
        <source>The QR code in this picture holds no lookup code of a school record.</source>
        <translation>Mã QR trong ảnh này không chứa mã tra cứu học bạ.</translation>
    </message>
    <message>
        <source>Write the address of the Department&apos;s server first.</source>
        <translation>Hãy ghi địa chỉ máy chủ của Sở trước.</translation>
    </message>
    <message>
        <source>Asking the Department…</source>
        <translation>Đang hỏi máy chủ của Sở…</translation>
    </message>
    <message>
        <source>Paper copy</source>
        <translation>Bản giấy</translation>
    </message>
    <message>
        <source>Visible signature</source>
        <translation>Chữ ký hiển thị</translation>
    </message>
    <message>
        <source>%1, %2, signed %3 (Vietnam time), certificate issued by %4</source>
        <translation>%1, %2, ký lúc %3 (giờ Việt Nam), chứng thư số do %4 cấp</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>NOT valid: the signer&apos;s certificate had been revoked when the document was signed</source>
        <translation>KHÔNG hợp lệ: chứng thư số của người ký đã bị thu hồi khi văn bản được ký</translation>
    </message>
    <message>
        <source>NOT valid: its archive time-stamp is not valid</source>
        <translation>KHÔNG hợp lệ: dấu thời gian lưu trữ không hợp lệ</translation>
    </message>
    <message>
        <source>level %1</source>
        <translation>mức %1</translation>
    </message>
    <message>
        <source>trusted time %1 (time-stamp by %2)</source>
        <translation>thời điểm tin cậy %1 (dấu thời gian của %2)</translation>
    </message>
    <message>
        <source>archive time-stamp of %1</source>
        <translation>dấu thời gian lưu trữ ngày %1</translation>
    </message>
    <message>
        <source>Archive time-stamp</source>
        <translation>Dấu thời gian lưu trữ</translation>
    </message>
    <message>
        <source>valid: archive time %1 (time-stamp by %2); a new one is needed before %3</source>
        <translation>hợp lệ: thời điểm lưu trữ %1 (dấu thời gian của %2); cần dấu mới trước ngày %3</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Digital school records</source>
        <translation>Học bạ số</translation>
    </message>
</context>
</TS>
