import PDFDocument from 'pdfkit'
import type { Block, Guide } from './content'

const MARGIN = 50
const BODY = 'Helvetica'
const BOLD = 'Helvetica-Bold'
const MONO = 'Courier'

/**
 * Text with `inline code`: the code parts in Courier, on one flowing line, every part on
 * the alphabetic baseline (fonts of different ascent would not line up otherwise).
 */
function inline(
  doc: PDFKit.PDFDocument,
  text: string,
  size: number,
  options: PDFKit.Mixins.TextOptions = {},
  at?: { x: number; y: number },
) {
  const parts = text.split('`')
  parts.forEach((part, i) => {
    doc.font(i % 2 === 1 ? MONO : BODY).fontSize(size)
    const opts: PDFKit.Mixins.TextOptions = {
      ...options,
      baseline: 'alphabetic',
      continued: i < parts.length - 1,
    }
    if (i === 0 && at) doc.text(part, at.x, at.y, opts)
    else doc.text(part, opts)
  })
}

function table(doc: PDFKit.PDFDocument, head: string[], rows: string[][]) {
  const width = doc.page.width - MARGIN * 2
  const widths =
    head.length === 3 ? [width * 0.3, width * 0.5, width * 0.2] : [width * 0.32, width * 0.68]
  const plain = (s: string) => s.replace(/`/g, '')
  const draw = (cells: string[], font: string) => {
    doc.font(font).fontSize(9)
    const heights = cells.map((c, i) => doc.heightOfString(plain(c), { width: widths[i]! - 8 }))
    const h = Math.max(...heights) + 6
    if (doc.y + h > doc.page.height - MARGIN) doc.addPage()
    const y = doc.y
    let x = MARGIN
    cells.forEach((c, i) => {
      doc.text(plain(c), x + 4, y + 3, { width: widths[i]! - 8 })
      x += widths[i]!
    })
    doc
      .moveTo(MARGIN, y + h)
      .lineTo(MARGIN + width, y + h)
      .strokeColor('#d0d7de')
      .lineWidth(0.5)
      .stroke()
    doc.x = MARGIN
    doc.y = y + h
  }
  draw(head, BOLD)
  for (const r of rows) draw(r, BODY)
  doc.moveDown(0.6)
}

function block(doc: PDFKit.PDFDocument, b: Block) {
  doc.x = MARGIN
  switch (b.kind) {
    case 'p':
      inline(doc, b.text, 10, { lineGap: 2 })
      doc.moveDown(0.6)
      return
    case 'h3':
      if (doc.y > doc.page.height - MARGIN - 80) doc.addPage()
      doc.moveDown(0.3).font(BOLD).fontSize(11.5).fillColor('#16324f').text(b.text)
      doc.fillColor('#1b1f24').moveDown(0.3)
      return
    case 'list':
      for (const item of b.items) {
        if (doc.y > doc.page.height - MARGIN - 30) doc.addPage()
        const y = doc.y
        doc
          .font(BODY)
          .fontSize(10)
          .text('\u2022', MARGIN + 2, y, { lineBreak: false, baseline: 'alphabetic' })
        inline(
          doc,
          item,
          10,
          { width: doc.page.width - MARGIN * 2 - 14, lineGap: 2 },
          { x: MARGIN + 14, y },
        )
        doc.moveDown(0.3)
      }
      doc.x = MARGIN
      doc.moveDown(0.4)
      return
    case 'code': {
      doc.font(BOLD).fontSize(9).fillColor('#56636f').text(b.title)
      doc.fillColor('#1b1f24').moveDown(0.2)
      doc.font(MONO).fontSize(7.5)
      for (const line of b.code.replace(/\t/g, '    ').split('\n')) {
        if (doc.y > doc.page.height - MARGIN - 10) doc.addPage()
        doc.text(line === '' ? ' ' : line, MARGIN + 8, doc.y, {
          width: doc.page.width - MARGIN * 2 - 16,
          lineGap: 1,
        })
      }
      doc.x = MARGIN
      doc.moveDown(0.8)
      return
    }
    case 'table':
      table(doc, b.head, b.rows)
      return
  }
}

/** The guide as a PDF (A4, the standard fonts; the text is ASCII/WinAnsi throughout). */
export function guidePdf(guide: Guide): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      info: { Title: guide.title, Author: 'Clockhook', Subject: guide.subtitle },
    })
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.font(BOLD).fontSize(22).fillColor('#16324f').text(guide.title)
    doc.moveDown(0.3).font(BODY).fontSize(11).fillColor('#56636f').text(guide.subtitle)
    doc.moveDown(1).fillColor('#1b1f24').font(BOLD).fontSize(12).text('Contents')
    doc.font(BODY).fontSize(10)
    for (const s of guide.sections) doc.text(s.title)
    for (const s of guide.sections) {
      doc.addPage()
      doc.font(BOLD).fontSize(16).fillColor('#16324f').text(s.title)
      doc.fillColor('#1b1f24').moveDown(0.5)
      for (const b of s.blocks) block(doc, b)
    }
    doc.end()
  })
}
