// The sample's customers. A real CRM looks the number up in its own database.
export const CONTACTS = [
  { id: "C-1001", name: "Jan Novák", company: "Novák s.r.o.", phone: "+420777123456", notes: "Prefers mornings." },
  { id: "C-1002", name: "Maria Oliveira", company: "Oliveira Ltda", phone: "+5511987654321", notes: "Renewal due in May." },
  { id: "C-1003", name: "Luca Bianchi", company: "Bianchi SpA", phone: "+390612345678", notes: "Ask about the pilot." }
];

/** Digits only, so +420 777 123 456 and 420777123456 match. */
export function digits(number) {
  return String(number || "").replace(/\D/g, "");
}

/** The contact whose phone ends like the caller's number (national or international form). */
export function byNumber(number) {
  const d = digits(number);
  if (d.length < 6) return null;
  return CONTACTS.find((c) => {
    const p = digits(c.phone);
    return p.endsWith(d) || d.endsWith(p);
  }) || null;
}
