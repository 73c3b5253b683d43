/** The contract's example booking body (booking-api.md), for tests to vary. */
export function bookingBody(over: Record<string, unknown> = {}, customer: Record<string, unknown> = {}) {
  return {
    customer: { externalId: 'C-1001', type: 'individual', name: '张伟', phone: '+8613800138000', email: 'zhang.wei@example.com', birthday: '1985-04-12', organization: null, ...customer },
    status: 'confirmed',
    bookedAt: '2026-03-01T10:00:00+08:00',
    departureDate: '2026-04-01',
    returnDate: '2026-04-05',
    destination: '三亚',
    product: '三亚亲子5日游',
    category: 'family',
    travellers: 3,
    amount: { value: 1280000, currency: 'CNY' },
    paymentDueAt: '2026-03-10T00:00:00+08:00',
    paidAt: null,
    ...over,
  };
}
