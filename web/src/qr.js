import QRCode from 'qrcode';

/** Draws `text` as a QR code on a canvas, medium error correction (survives a glare on a phone). */
export async function drawQr(canvas, text, sizePx = 200) {
  await QRCode.toCanvas(canvas, text, {
    errorCorrectionLevel: 'M',
    margin: 2,
    width: sizePx,
    color: { dark: '#101828', light: '#ffffff' },
  });
  return canvas;
}
