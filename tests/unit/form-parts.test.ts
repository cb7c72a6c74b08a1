import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import ErrorSummary from '../../src/islands/shared/ErrorSummary.tsx';
import Field, { describedByIds, type FieldControlProps } from '../../src/islands/shared/Field.tsx';
import TextField from '../../src/islands/shared/TextField.tsx';

/**
 * The shared form parts every island form uses (src/islands/shared/): the wiring between a
 * control, its hint and its error message, and the error summary's markup. Rendered to HTML on the
 * server; focus behaviour is covered by the e2e tests of the forms.
 */

const input = (control: FieldControlProps) => h('input', { ...control, className: 'app-input' });

describe('Field', () => {
  it('points the label at the control and describes the control by its hint', () => {
    const html = renderToStaticMarkup(h(Field, { id: 'f-phone', label: 'Số điện thoại', hint: 'Ví dụ', children: input }));
    expect(html).toBe(
      '<div class="app-field"><label class="app-field__label" for="f-phone">Số điện thoại</label>' +
        '<p class="app-field__hint" id="f-phone-hint">Ví dụ</p>' +
        '<input id="f-phone" aria-describedby="f-phone-hint" class="app-input"/></div>',
    );
  });

  it('with an error: a red field, the message above the control, the control invalid and described by it', () => {
    const html = renderToStaticMarkup(
      h(Field, { id: 'f-phone', label: 'Số điện thoại', hint: 'Ví dụ', error: 'Số điện thoại chưa đúng', children: input }),
    );
    expect(html).toContain('<div class="app-field app-field--error">');
    expect(html).toContain(
      '<p class="app-field__error" id="f-phone-error"><span class="app-visually-hidden">Có thông tin cần sửa: </span>Số điện thoại chưa đúng</p>',
    );
    expect(html).toContain('<input id="f-phone" aria-describedby="f-phone-hint f-phone-error" aria-invalid="true"');
    expect(html.indexOf('f-phone-error"')).toBeLessThan(html.indexOf('<input'));
  });

  it('has no aria-describedby when there is nothing to describe the control', () => {
    expect(renderToStaticMarkup(h(Field, { id: 'f-name', label: 'Tên', children: input }))).toContain('<input id="f-name" class="app-input"/>');
  });

  it('as a group: a focusable fieldset with the field id (summary links land on it), described by hint and error, with the label as legend', () => {
    const html = renderToStaticMarkup(
      h(Field, {
        id: 'f-needs',
        label: 'Cần giúp việc gì?',
        group: true,
        hint: 'Chọn một hoặc nhiều',
        error: 'Chọn ít nhất một',
        children: h('input', { type: 'checkbox' }),
      }),
    );
    expect(html).toMatch(
      /^<div class="app-field app-field--error"><fieldset id="f-needs" tabindex="-1" class="app-field__group" aria-describedby="f-needs-hint f-needs-error"><legend class="app-field__label">Cần giúp việc gì\?<\/legend>/,
    );
  });

  it('takes a plain child, extra described-by ids and a hint class', () => {
    const html = renderToStaticMarkup(
      h(Field, { id: 'f-c', hint: 'Thông báo', hintClassName: 'app-x', describedBy: 'f-count', children: h('textarea') }),
    );
    expect(html).toBe('<div class="app-field"><p class="app-field__hint app-x" id="f-c-hint">Thông báo</p><textarea></textarea></div>');
    expect(describedByIds('f-c', { hint: true, error: true, extra: 'f-count' })).toBe('f-c-hint f-c-error f-count');
    expect(describedByIds('f-c', { hint: false, error: false })).toBeUndefined();
  });
});

describe('ErrorSummary', () => {
  it('renders nothing while there is no problem', () => {
    expect(renderToStaticMarkup(h(ErrorSummary, { items: [], message: null }))).toBe('');
  });

  it('lists the form-level message first, then a link to each field, under the alert', () => {
    const html = renderToStaticMarkup(
      h(ErrorSummary, {
        items: [
          { id: 'f-phone', message: 'Nhập số điện thoại' },
          { id: 'f-name', message: 'Nhập họ và tên' },
        ],
        message: 'Bạn gửi quá nhiều lần',
      }),
    );
    expect(html).toMatch(/^<div class="app-error-summary" tabindex="-1" aria-labelledby="([^"]+)"><div role="alert"><h2 id="\1" class="app-error-summary__title">Có thông tin cần sửa<\/h2>/);
    expect(html).toContain(
      '<ul><li>Bạn gửi quá nhiều lần</li><li><a href="#f-phone">Nhập số điện thoại</a></li><li><a href="#f-name">Nhập họ và tên</a></li></ul>',
    );
  });

  it('without a title is a plain alert box for one message', () => {
    const html = renderToStaticMarkup(h(ErrorSummary, { title: null, message: 'Không tìm thấy yêu cầu' }));
    expect(html).toBe('<div class="app-error-summary" tabindex="-1"><div role="alert"><p>Không tìm thấy yêu cầu</p></div></div>');
  });

  it('without a title and with one field problem is one sentence linking to the field', () => {
    const html = renderToStaticMarkup(h(ErrorSummary, { title: null, items: [{ id: 'f-confirm', message: 'Hãy đánh dấu ô xác nhận.' }] }));
    expect(html).toBe(
      '<div class="app-error-summary" tabindex="-1"><div role="alert"><p><a href="#f-confirm">Hãy đánh dấu ô xác nhận.</a></p></div></div>',
    );
  });

  it('without a title and with several problems is a list', () => {
    const html = renderToStaticMarkup(h(ErrorSummary, { title: null, message: 'Lỗi mạng', items: [{ id: 'f-a', message: 'A' }] }));
    expect(html).toContain('<div role="alert"><ul><li>Lỗi mạng</li><li><a href="#f-a">A</a></li></ul>');
  });

  it('takes another title and heading level', () => {
    const html = renderToStaticMarkup(h(ErrorSummary, { title: 'Chưa lưu được', headingLevel: 3, message: 'Lỗi mạng' }));
    expect(html).toContain('class="app-error-summary__title">Chưa lưu được</h3><ul><li>Lỗi mạng</li></ul>');
  });

  it('goes down to an h6, one below the heading of a form deep in a page', () => {
    for (const level of [4, 5, 6] as const) {
      const html = renderToStaticMarkup(h(ErrorSummary, { headingLevel: level, message: 'Lỗi mạng' }));
      expect(html).toContain(`<h${level} id=`);
      expect(html).toContain(`Có thông tin cần sửa</h${level}>`);
    }
  });
});

describe('TextField', () => {
  it('is an input in its field, wired to label, hint and error, with the attributes it is given', () => {
    const html = renderToStaticMarkup(
      h(TextField, {
        id: 'f-code',
        label: 'Mã',
        hint: 'Sáu số',
        error: 'Mã chưa đúng',
        className: 'app-signin__code',
        inputMode: 'numeric',
        maxLength: 12,
        value: '12',
        onChange: () => {},
      }),
    );
    expect(html).toContain('<label class="app-field__label" for="f-code">Mã</label>');
    expect(html).toContain(
      '<input id="f-code" aria-describedby="f-code-hint f-code-error" aria-invalid="true" inputMode="numeric" maxLength="12" class="app-input app-signin__code" type="text" value="12"/>',
    );
  });
});
