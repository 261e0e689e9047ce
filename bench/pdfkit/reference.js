// SPDX-License-Identifier: GPL-3.0-or-later
// The pdfkit peer of bench_render (bench/bench_render_vs_pdfkit.sh): N records of the same shape and page count as
// the demo books, primary and THCS in turn (a cover, the instructions, an information page with the study history,
// and per year a 13-row subject table with comments, a conduct table, the closing lines and two signature blocks),
// Noto Serif embedded, lines drawn, text wrapped in its cells, on one thread. Prints "pdfkit: N records, P pages,
// T ms -> R records/s".
'use strict';
const PDFDocument = require('pdfkit');
const fs = require('fs');
const path = require('path');

const records = Math.max(1, parseInt(process.argv[2] || '200', 10));
const fontDir = process.argv[3] || '/usr/share/fonts/truetype/noto';
// Read once: each document still parses and subsets its fonts, as pdfkit does.
const fonts = {};
for (const f of ['NotoSerif-Regular.ttf', 'NotoSerif-Bold.ttf', 'NotoSerif-Italic.ttf'])
  fonts[f] = fs.readFileSync(path.join(fontDir, f));
const font = (f) => fonts[f];
const comments = ['Em tiếp thu bài nhanh, tích cực phát biểu.', 'Em chăm chỉ, hoàn thành tốt các bài tập được giao.',
  'Em có tiến bộ, cần mạnh dạn hơn khi trình bày ý kiến.', 'Em biết hợp tác với bạn khi làm việc nhóm.',
  'Em cần cẩn thận hơn khi làm bài.', 'Em đọc to, rõ ràng; viết đúng chính tả.'];
const subjects = ['Ngữ văn', 'Toán', 'Ngoại ngữ 1', 'Giáo dục công dân', 'Lịch sử và Địa lí', 'Khoa học tự nhiên',
  'Công nghệ', 'Tin học', 'Giáo dục thể chất', 'Nghệ thuật (Âm nhạc)', 'Nghệ thuật (Mĩ thuật)',
  'Nội dung giáo dục của địa phương', 'Hoạt động trải nghiệm, hướng nghiệp'];
const mm = (v) => v * 72 / 25.4;

function table(doc, x, y, widths, rows, size) {
  for (const row of rows) {
    let h = 0;
    row.forEach((cell, i) => { h = Math.max(h, doc.fontSize(size).heightOfString(cell, {width: widths[i] - 4})); });
    h += 4;
    let cx = x;
    row.forEach((cell, i) => {
      doc.fontSize(size).text(cell, cx + 2, y + 2, {width: widths[i] - 4});
      doc.rect(cx, y, widths[i], h).stroke();
      cx += widths[i];
    });
    y += h;
  }
  return y;
}

let pagesMade = 0;

function record(seed) {
  return new Promise((resolve) => {
    const doc = new PDFDocument({size: 'A4', margin: mm(15), autoFirstPage: false});
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.registerFont('R', font('NotoSerif-Regular.ttf'));
    doc.registerFont('B', font('NotoSerif-Bold.ttf'));
    doc.registerFont('I', font('NotoSerif-Italic.ttf'));
    const name = 'Nguyễn Thị Trang ' + seed;
    const header = (n) => {
      doc.font('R').fontSize(8.5).text('Họ và tên: ' + name, mm(20), mm(9));
      doc.text('Mã tra cứu: a90e 770c 3809 190b b753 a8b1 5f43 db94', mm(110), mm(9), {width: mm(85), align: 'right'});
      doc.text('Trang ' + n, mm(20), mm(285), {width: mm(175), align: 'center'});
    };
    doc.addPage();
    doc.font('B').fontSize(40).text('HỌC BẠ', mm(20), mm(90), {width: mm(175), align: 'center'});
    doc.fontSize(22).text('TRUNG HỌC CƠ SỞ', {width: mm(175), align: 'center'});
    doc.font('R').fontSize(10).text('Họ và tên học sinh: ' + name, mm(35), mm(180));
    // The demo books' pages: primary (even records) cover, instructions, information, 2 pages for each of 5 years
    // (13); THCS cover, instructions, information, study history, 1 page for each of 4 years (8).
    const primary = seed % 2 === 0;
    let page = 1;
    doc.addPage(); header(++page);
    doc.font('B').fontSize(15).text('HƯỚNG DẪN GHI HỌC BẠ', mm(20), mm(20), {width: mm(175), align: 'center'});
    for (let i = 0; i < 6; ++i) doc.font('R').fontSize(10).text(comments.join(' '), {width: mm(175)});
    doc.addPage(); header(++page);
    doc.font('B').fontSize(15).text('HỌC BẠ', mm(20), mm(20), {width: mm(175), align: 'center'});
    for (let i = 0; i < 10; ++i) doc.font('R').fontSize(10).text('Trường thông tin ' + i + ': giá trị của học sinh');
    doc.font('R');
    if (!primary) { doc.addPage(); header(++page); }
    table(doc, mm(20), mm(primary ? 120 : 20), [mm(24), mm(12), mm(55), mm(22), mm(24), mm(38)],
      [0, 1, 2, 3].map((y) => ['202' + y + '-202' + (y + 1), (6 + y) + 'A2', 'Trường THCS Chu Văn An, Hà Nội', '1/2021', '', '']), 9);
    for (let year = 0; year < (primary ? 5 : 4); ++year) {
      doc.addPage(); header(++page);
      doc.font('B').fontSize(15).text('KẾT QUẢ HỌC TẬP VÀ RÈN LUYỆN', mm(20), mm(20), {width: mm(150), align: 'center'});
      doc.font('R');
      const rows = subjects.map((s, i) => [s, '8,3', '8,6', '8,5', '', comments[(seed + year + i) % comments.length], '']);
      let y = table(doc, mm(20), mm(50), [mm(37), mm(9.5), mm(9.5), mm(11), mm(15), mm(71), mm(22)], rows, 8.5);
      if (primary) { doc.addPage(); header(++page); y = mm(20); }
      y = table(doc, mm(20), y + mm(8), [mm(36), mm(40), mm(40), mm(59)],
        [['Học kì I', 'Tốt', 'Tốt', ''], ['Học kì II', 'Tốt', 'Tốt', ''], ['Cả năm', 'Tốt', 'Tốt', '1']], 9);
      doc.fontSize(10).text('Được lên lớp hoặc không được lên lớp: Được lên lớp', mm(20), y + mm(4));
      doc.text('Danh hiệu, khen thưởng: Học sinh Giỏi');
      doc.text('Nhận xét của giáo viên chủ nhiệm: ' + comments[year % comments.length]);
      doc.font('I').text('Hà Nội, ngày 28 tháng 05 năm 2022', mm(110), y + mm(30), {width: mm(85), align: 'center'});
      doc.font('B').text('Phê duyệt của Hiệu trưởng', mm(20), y + mm(36), {width: mm(85), align: 'center'});
      doc.text('Giáo viên chủ nhiệm', mm(110), y + mm(36), {width: mm(85), align: 'center'});
      doc.text('Lê Thị Liên', mm(20), y + mm(80), {width: mm(85), align: 'center'});
      doc.text('Nguyễn Thị Oanh', mm(110), y + mm(80), {width: mm(85), align: 'center'});
    }
    pagesMade += page;
    doc.end();
  });
}

(async () => {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  let bytes = 0;
  for (let i = 0; i < records; ++i) bytes += (await record(i)).length;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  console.log(`pdfkit: ${records} records, ${pagesMade} pages, ${ms.toFixed(0)} ms -> ${(records / (ms / 1000)).toFixed(1)} records/s on one thread, CPU ${(cpuMs / records).toFixed(2)} ms/record, average PDF ${(bytes / records / 1024).toFixed(1)} KiB`);
})();
