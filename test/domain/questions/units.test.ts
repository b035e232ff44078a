import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../domain/questions/tokens.ts';
import { buildUnitIndex, matchUnits } from '../../../domain/questions/units.ts';
import type { UnitRef } from '../../../domain/units/types.ts';
import { U, UNITS } from './fixtures.ts';

/** Both passes, as the parser runs them (strong keys first, then bare names and near misses). */
function match(text: string, units: UnitRef[] = UNITS) {
  const toks = tokenize(text);
  const index = buildUnitIndex(units);
  return [...matchUnits(text, toks, index, 'strong'), ...matchUnits(text, toks, index, 'weak')].map((m) => ({
    text: m.text,
    ids: m.unitIds,
  }));
}

describe('unit matcher', () => {
  it.each([
    ['Đặc khu Cát Hải', U.CAT_HAI],
    ['dac khu cat hai', U.CAT_HAI],
    ['ĐK Cát Hải', U.CAT_HAI],
    ['đk ch', U.CAT_HAI],
    ['dac khu CH', U.CAT_HAI],
    ['UBND đặc khu Cát Hải', U.CAT_HAI],
    ['ubnd dk cat hai', U.CAT_HAI],
    ['Sở KH&CN', U.SO_KHCN],
    ['so khcn', U.SO_KHCN],
    ['sở khoa học', U.SO_KHCN],
    ['Sở NV', U.SO_NOI_VU],
    ['P. Hồng Bàng', U.P_HONG_BANG],
    ['x vinh bao', U.X_VINH_BAO],
    ['ubnd xa tien lang', U.X_TIEN_LANG],
    ['dh hai phong', U.DH_HP],
  ])('reads %s', (text, id) => {
    expect(match(text)).toEqual([{ text, ids: [id] }]);
  });

  it('forgives one typo in a short name and two in a long one, not more', () => {
    expect(match('cat hao')[0]?.ids).toEqual([U.CAT_HAI]);
    expect(match('cat hhaii')).toEqual([]);
    expect(match('dac khu cat hia')[0]?.ids).toEqual([U.CAT_HAI]);
    expect(match('bach long vy')[0]?.ids).toEqual([U.BACH_LONG_VI]);
    expect(match('bach lonng vy')[0]?.ids).toEqual([U.BACH_LONG_VI]);
    expect(match('bach lonng vyy')).toEqual([]);
    // two neighbouring letters swapped are one slip
    expect(match('cat hia')[0]?.ids).toEqual([U.CAT_HAI]);
    expect(match('cta hia')).toEqual([]);
  });

  it("reads the Front and the Inspection Committee by the short names people use", () => {
    for (const text of ['UBMTTQ thành phố', 'ủy ban MTTQ', 'Mặt trận', 'uy ban mat tran to quoc']) expect(match(text).map((m) => m.ids), text).toEqual([[U.MTTQ]]);
    expect(match('UBKT Thành ủy')).toEqual([{ text: 'UBKT Thành ủy', ids: [U.UBKT_TU] }]);
  });

  it('reads "A & B" as two units when both are names, as one abbreviation when both are short', () => {
    expect(match('so khcn & so tai chinh').map((m) => m.ids)).toEqual([[U.SO_KHCN], [U.SO_TAI_CHINH]]);
    expect(match('Sở KH & CN').map((m) => m.ids)).toEqual([[U.SO_KHCN]]);
  });

  it('leaves words the tasks use together to the topic, not to a near unit name', () => {
    const units: UnitRef[] = [...UNITS, { id: 99, code: 'u-99', name: 'Xã Ninh Giang', kind: 'COMMUNE', parentId: null, aliases: [] }];
    const index = buildUnitIndex(units);
    const read = (says?: (w: string[]) => boolean) => matchUnits('an ninh mang', tokenize('an ninh mang'), index, 'weak', says).map((m) => m.unitIds);
    expect(read()).toEqual([[99]]);
    expect(read((w) => w.join(' ').includes('ninh mang'))).toEqual([]);
  });

  it('returns every unit that fits a phrase equally', () => {
    expect(match('An Dương')).toEqual([{ text: 'An Dương', ids: [U.P_AN_DUONG, U.X_AN_DUONG] }]);
    expect(match('an duog')).toEqual([{ text: 'an duog', ids: [U.P_AN_DUONG, U.X_AN_DUONG] }]);
  });

  it('prefers the longer, exact name over a shorter or approximate one', () => {
    expect(match('phường An Dương')).toEqual([{ text: 'phường An Dương', ids: [U.P_AN_DUONG] }]);
    expect(match('xã An Dương')).toEqual([{ text: 'xã An Dương', ids: [U.X_AN_DUONG] }]);
  });

  it('does not read a department name without "Sở" as the department', () => {
    expect(match('xây dựng kế hoạch')).toEqual([]);
    expect(match('tài chính')).toEqual([]);
    expect(match('sở xây dựng')[0]?.ids).toEqual([U.SO_XAY_DUNG]);
  });

  it('builds the index once per unit list', () => {
    expect(buildUnitIndex(UNITS)).toBe(buildUnitIndex(UNITS));
    expect(buildUnitIndex([...UNITS])).not.toBe(buildUnitIndex(UNITS));
  });
});
