import { useId, useRef, useState } from "react";
import type { ControlProps } from "./controlProps";
import { useFormHost } from "./FormHost";
import { dataUrlToFile, isSignature, SignatureImage } from "./SignatureImage";
import { uiText } from "./uiText";

/**
 * A handwritten signature on a canvas (pointer events: finger, pen or mouse). When the stroke
 * ends the PNG is handed to the host's file storage, like an attachment, and the value becomes
 * its reference; without storage (or while storing, or if storing fails) the value is the PNG
 * data URL. Keyboard users type their name instead, which is drawn on the
 * same canvas, so the value is an image either way. A clear button resets it.
 */
export function SignatureControl(p: ControlProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const t = uiText(p.locale);
  const typedId = useId();
  const [typed, setTyped] = useState("");
  const { storage } = useFormHost();
  // The last drawing, as a data URL: shown while (and after) it is stored, and the token that
  // tells a finished upload whether it is still the current signature.
  const latest = useRef<string | null>(null);
  const [preview, setPreview] = useState<string>();
  const sign = (dataUrl: string) => {
    latest.current = dataUrl;
    setPreview(dataUrl);
    p.onChange(dataUrl);
    const file = storage ? dataUrlToFile(dataUrl, "signature.png") : undefined;
    if (!storage || !file) return;
    storage.put(file).then(
      (ref) => {
        if (latest.current === dataUrl) p.onChange(ref);
      },
      () => {}, // keep the data URL: the signature is not lost
    );
  };
  const applyTyped = () => {
    const c = canvas.current;
    const ctx = c?.getContext("2d");
    if (!c || !ctx || typed.trim() === "") return;
    ctx.clearRect(0, 0, c.width, c.height);
    ctx.font = "italic 40px serif";
    ctx.fillText(typed.trim(), 16, c.height / 2 + 14, c.width - 32);
    sign(c.toDataURL("image/png"));
  };
  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const c = e.currentTarget;
    return {
      x: ((e.clientX - r.left) * c.width) / (r.width || c.width),
      y: ((e.clientY - r.top) * c.height) / (r.height || c.height),
    };
  };
  const signed = isSignature(p.value);
  return (
    <div className="wf-signature">
      {isSignature(p.value) && (
        <SignatureImage value={p.value} storage={storage} locale={p.locale} preview={preview} />
      )}
      <canvas
        ref={canvas}
        id={p.id}
        width={400}
        height={150}
        tabIndex={0}
        role="img"
        aria-labelledby={p.labelId}
        aria-roledescription={t.signHere}
        aria-describedby={p.describedBy}
        aria-invalid={p.invalid}
        onPointerDown={(e) => {
          if (p.state.disabled) return;
          const ctx = e.currentTarget.getContext("2d");
          if (!ctx) return;
          drawing.current = true;
          e.currentTarget.setPointerCapture?.(e.pointerId);
          const { x, y } = point(e);
          ctx.lineWidth = 2;
          ctx.lineCap = "round";
          ctx.beginPath();
          ctx.moveTo(x, y);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const ctx = e.currentTarget.getContext("2d");
          const { x, y } = point(e);
          ctx?.lineTo(x, y);
          ctx?.stroke();
        }}
        onPointerUp={(e) => {
          if (!drawing.current) return;
          drawing.current = false;
          sign(e.currentTarget.toDataURL("image/png"));
          p.onBlur();
        }}
      />
      <label htmlFor={typedId}>{t.typedSignature}</label>
      <span style={{ display: "flex", gap: 4 }}>
        <input
          id={typedId}
          type="text"
          value={typed}
          disabled={p.state.disabled}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              applyTyped();
            }
          }}
        />
        <button type="button" disabled={p.state.disabled || typed.trim() === ""} onClick={applyTyped}>
          {t.useTyped}
        </button>
      </span>
      <button
        type="button"
        disabled={p.state.disabled || !signed}
        onClick={() => {
          const c = canvas.current;
          c?.getContext("2d")?.clearRect(0, 0, c.width, c.height);
          latest.current = null;
          setPreview(undefined);
          p.onChange(null);
        }}
      >
        {t.clearSignature}
      </button>
    </div>
  );
}
