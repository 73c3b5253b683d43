import { campaignFigures } from '../campaign-figures';

describe('campaignFigures', () => {
  it('rates, revenue per customer and lift against the control group', () => {
    const f = campaignFigures(
      [{ group: 'treated', customers: 80, sent: 75, converted: 8 }, { group: 'control', customers: 20, sent: 0, converted: 1 }],
      [{ group: 'treated', currency: 'CNY', value: 800_000 }, { group: 'control', currency: 'CNY', value: 50_000 }],
    );
    expect(f.treated).toEqual({ customers: 80, sent: 75, converted: 8, conversionRate: 0.1, revenue: [{ currency: 'CNY', value: 800_000, perCustomer: 10_000 }] });
    expect(f.control).toEqual({ customers: 20, sent: 0, converted: 1, conversionRate: 0.05, revenue: [{ currency: 'CNY', value: 50_000, perCustomer: 2_500 }] });
    expect(f.lift.conversionRate).toBeCloseTo(0.05);
    expect(f.lift.relative).toBeCloseTo(1);
    expect(f.lift.incrementalConversions).toBeCloseTo(4);
    expect(f.lift.incrementalRevenue).toEqual([{ currency: 'CNY', value: 600_000 }]);
  });

  it('a negative lift is reported as such', () => {
    const f = campaignFigures([{ group: 'treated', customers: 10, sent: 10, converted: 1 }, { group: 'control', customers: 10, sent: 0, converted: 2 }], []);
    expect(f.lift.conversionRate).toBeCloseTo(-0.1);
    expect(f.lift.relative).toBeCloseTo(-0.5);
    expect(f.lift.incrementalRevenue).toEqual([]);
  });

  it('control converted nobody: no relative lift, the absolute one stands', () => {
    const f = campaignFigures([{ group: 'treated', customers: 10, sent: 10, converted: 2 }, { group: 'control', customers: 5, sent: 0, converted: 0 }], []);
    expect(f.lift.relative).toBeNull();
    expect(f.lift.conversionRate).toBeCloseTo(0.2);
  });

  it('no control group (0 % held out) or nobody picked: no lift at all', () => {
    const f = campaignFigures([{ group: 'treated', customers: 10, sent: 0, converted: 2 }], [{ group: 'treated', currency: 'CNY', value: 100 }]);
    expect(f.control).toEqual({ customers: 0, sent: 0, converted: 0, conversionRate: null, revenue: [{ currency: 'CNY', value: 0, perCustomer: null }] });
    expect(f.lift).toEqual({ conversionRate: null, relative: null, incrementalConversions: null, incrementalRevenue: [] });
    expect(campaignFigures([], []).treated.conversionRate).toBeNull();
  });

  it('keeps currencies apart, each in both groups', () => {
    const f = campaignFigures(
      [{ group: 'treated', customers: 2, sent: 2, converted: 2 }, { group: 'control', customers: 2, sent: 0, converted: 1 }],
      [{ group: 'treated', currency: 'USD', value: 1000 }, { group: 'treated', currency: 'CNY', value: 9000 }, { group: 'control', currency: 'CNY', value: 3000 }],
    );
    expect(f.treated.revenue.map((r) => r.currency)).toEqual(['CNY', 'USD']);
    expect(f.control.revenue).toEqual([{ currency: 'CNY', value: 3000, perCustomer: 1500 }, { currency: 'USD', value: 0, perCustomer: 0 }]);
    expect(f.lift.incrementalRevenue).toEqual([{ currency: 'CNY', value: 6000 }, { currency: 'USD', value: 1000 }]);
  });
});
