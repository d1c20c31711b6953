import jsQR from 'jsqr';

/** Decodes the QR code drawn on the canvas matching `selector`; null if none is readable. */
export async function readQrFromCanvas(page, selector) {
  const { width, height, pixels } = await page.$eval(selector, (canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    return { width: canvas.width, height: canvas.height, pixels: Array.from(data) };
  });
  return jsQR(Uint8ClampedArray.from(pixels), width, height)?.data ?? null;
}
