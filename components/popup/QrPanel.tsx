import { useEffect, useState } from 'preact/hooks';
import { t } from '@/utils/browser';

/** Renders `text` as a QR code PNG (data URL). The encoder loads only when a QR code is asked for. */
async function qrDataUrl(text: string): Promise<string> {
  const { toDataURL } = await import('qrcode');
  return toDataURL(text, {
    errorCorrectionLevel: 'M',
    margin: 2,
    width: 240,
    color: { dark: '#000000', light: '#ffffff' },
  });
}

/** A QR code of the (clean) link, made locally, with a PNG download. */
export function QrPanel({ url, fileName }: { url: string; fileName: string }) {
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let active = true;
    void qrDataUrl(url).then((data) => active && setImage(data));
    return () => {
      active = false;
    };
  }, [url]);
  if (!image) return <div class="qr-panel" aria-busy="true" />;
  return (
    <div class="qr-panel">
      <img src={image} width={240} height={240} alt={t('qrCodeAlt')} data-lectern="qr" />
      <a class="secondary small" href={image} download={fileName} data-action="qr-download">
        {t('qrDownload')}
      </a>
    </div>
  );
}
