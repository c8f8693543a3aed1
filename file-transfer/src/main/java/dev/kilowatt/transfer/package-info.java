/**
 * File transfer for firmware updates and diagnostics: {@link dev.kilowatt.transfer.NetworkFileTransfer}
 * speaks HTTP, HTTPS and FTP; {@link dev.kilowatt.transfer.LogDirectoryDiagnostics} packs a log directory,
 * the configuration and the recent OCPP traffic into the archive GetDiagnostics uploads.
 */
package dev.kilowatt.transfer;
