import { predictGroups } from '../churn-score';
import { packFigures, packGroups, unpackFigures, unpackGroups } from '../predict-groups-thread';

describe('what crosses to the prediction thread and back', () => {
  const groups = [
    { x: 0, txDays: 0, tDays: 30, count: 4 },
    { x: 1, txDays: 40, tDays: 200, count: 2 },
    { x: 6, txDays: 300, tDays: 320, count: 1 },
    { x: 3, txDays: 100, tDays: 700, count: 3 },
    { x: 12, txDays: 600, tDays: 610, count: 2 },
  ];
  it('the groups, unchanged', () => {
    expect(unpackGroups(packGroups(groups))).toEqual(groups);
  });
  it('the predictions, every figure and window as predictGroups made them', () => {
    const { predictions } = predictGroups(groups);
    expect(predictions.some((p) => p.window === null) && predictions.some((p) => p.window !== null)).toBe(true);
    expect(unpackFigures(groups, packFigures(predictions))).toEqual(predictions);
  });
});
