import type ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

/** Sends a file with a Chinese name that Windows browsers keep (RFC 5987 filename*). */
export function sendFile(reply: FastifyReply, body: Buffer, fileName: string, contentType: string) {
  // Always an attachment (never shown inline); the plain name has no quotes or backslashes to break the header.
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(body);
}

export async function sendXlsx(reply: FastifyReply, workbook: ExcelJS.Workbook, fileName: string) {
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return sendFile(reply, buffer, fileName, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
}
