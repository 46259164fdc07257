import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { dataOf, openInspector } from './intentFaqHttpDoc';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function secretsApi(status: number, body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const http = () => dataOf('api', 'httpRequest');

describe('HTTP request form', () => {
  it('says where the request runs, and edits method and URL with an inline scheme check', async () => {
    secretsApi(404, { error: { code: 'not_found', message: 'Not found' } });
    openInspector('api');
    expect(screen.getByText(/Runs on the server\. Private and internal network addresses are blocked/)).toBeInTheDocument();
    const url = screen.getByRole('combobox', { name: 'Address' });
    expect(url).toHaveValue('https://shop.example.com/orders/{{orderId}}');
    fireEvent.change(url, { target: { value: 'ftp://files.example.com/x' } });
    expect(screen.getByRole('alert')).toHaveTextContent('Start the address with https:// or http://');
    expect(url).toHaveAttribute('aria-invalid', 'true');
    fireEvent.change(url, { target: { value: 'http://crm.internal.example/api?id={{orderId}}' } });
    expect(screen.queryByText('Start the address with https:// or http://')).not.toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Method'), 'POST');
    expect(http()).toMatchObject({ method: 'POST', url: 'http://crm.internal.example/api?id={{orderId}}' });
  });

  it('shows the body only for methods that send one, and checks it is JSON after filling variables', async () => {
    secretsApi(404, {});
    openInspector('api');
    expect(screen.queryByRole('combobox', { name: 'Body (JSON)' })).not.toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Method'), 'POST');
    const body = screen.getByRole('combobox', { name: 'Body (JSON)' });
    fireEvent.change(body, { target: { value: '{"order": {{orderId}}, "note": "for {{orderId}}"}' } });
    expect(screen.queryByText(/Not valid JSON/)).not.toBeInTheDocument();
    fireEvent.change(body, { target: { value: '{"order": {{orderId}},}' } });
    expect(screen.getByText(/^Not valid JSON: /)).toBeInTheDocument();
    expect(http().body).toBe('{"order": {{orderId}},}');
  });

  it('edits headers, inserting a secret reference picked from the secrets list', async () => {
    const fetch = secretsApi(200, { secrets: [{ name: 'SHOP_TOKEN' }, { name: 'API_KEY' }] });
    openInspector('api');
    expect(fetch).toHaveBeenCalledWith('/api/secrets', expect.objectContaining({ method: 'GET' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add a header' }));
    fireEvent.change(screen.getByLabelText('Name of header 2'), { target: { value: 'X-Shop Token' } });
    expect(screen.getByText('Header names use letters, digits and - only.')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Name of header 2'), { target: { value: 'X-Shop-Token' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Value of header 2' }), { target: { value: 'Token ' } });
    const picker = await screen.findByLabelText('Insert a secret into header 2');
    expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual(['Insert a secret…', 'API_KEY', 'SHOP_TOKEN']);
    await userEvent.selectOptions(picker, 'SHOP_TOKEN');
    expect(http().headers).toEqual([
      { name: 'Authorization', value: 'Bearer {{secret.API_KEY}}' },
      { name: 'X-Shop-Token', value: 'Token {{secret.SHOP_TOKEN}}' },
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Remove header 1' }));
    expect(http().headers).toEqual([{ name: 'X-Shop-Token', value: 'Token {{secret.SHOP_TOKEN}}' }]);
  });

  it('explains the secret syntax when the server offers no secrets list', async () => {
    secretsApi(404, {});
    openInspector('api');
    expect(await screen.findByText(/Refer to a stored secret as \{\{secret\.API_KEY\}\}/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Insert a secret into header 1')).not.toBeInTheDocument();
  });

  it('maps reply paths to variables, checking the path and keeping invalid names out of the flow', async () => {
    secretsApi(404, {});
    openInspector('api');
    await userEvent.click(screen.getByRole('button', { name: 'Add a value to save' }));
    expect(http().responseMapping).toEqual([
      { path: '$.status', variable: 'orderStatus' },
      { path: '', variable: 'result' },
    ]);
    fireEvent.change(screen.getByLabelText('Path 2 in the reply'), { target: { value: '$.items[0' } });
    expect(screen.getByText(/^This path is not valid: /)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Path 2 in the reply'), { target: { value: '$.items[0].eta' } });
    expect(screen.queryByText(/^This path is not valid: /)).not.toBeInTheDocument();
    const variable = screen.getByLabelText('Variable for path 2');
    fireEvent.change(variable, { target: { value: '2eta' } });
    expect(screen.getByText('Use English letters without accents (a–z), digits and _ only, starting with a letter or _. For example _2eta.')).toBeInTheDocument();
    expect(http().responseMapping[1]).toEqual({ path: '$.items[0].eta', variable: 'result' });
    fireEvent.change(variable, { target: { value: 'eta' } });
    expect(http().responseMapping[1]).toEqual({ path: '$.items[0].eta', variable: 'eta' });
  });

  it('edits timeout, size cap (in KB) and the error variable, showing the defaults', async () => {
    secretsApi(404, {});
    openInspector('api');
    const timeout = screen.getByLabelText('Time limit (ms)');
    expect(timeout).toHaveAttribute('placeholder', '5000');
    fireEvent.change(timeout, { target: { value: '2500' } });
    fireEvent.change(screen.getByLabelText('Largest reply (KB)'), { target: { value: '64' } });
    await userEvent.selectOptions(screen.getByLabelText('Save the error kind as'), 'orderId');
    expect(http()).toMatchObject({ timeoutMs: 2500, maxResponseBytes: 65536, errorVariable: 'orderId' });
    fireEvent.change(timeout, { target: { value: '999999' } });
    expect(http().timeoutMs).toBe(30000);
    fireEvent.change(timeout, { target: { value: '' } });
    expect(http()).not.toHaveProperty('timeoutMs');
  });
});

describe('satisfaction form', () => {
  it('edits the rating question and the optional comment prompt', async () => {
    openInspector('rate');
    const text = screen.getByRole('combobox', { name: 'Rating question' });
    expect(text).toHaveValue('How did we do?');
    fireEvent.change(text, { target: { value: 'Rate us, {{orderId}}' } });
    expect(screen.queryByRole('combobox', { name: 'Comment question' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Then ask for a comment'));
    const comment = screen.getByRole('combobox', { name: 'Comment question' });
    expect(comment).toHaveAttribute('placeholder', 'Thanks! Anything you would like to add?');
    fireEvent.change(comment, { target: { value: 'What could we improve?' } });
    expect(dataOf('rate', 'satisfaction')).toEqual({ text: 'Rate us, {{orderId}}', askComment: true, commentText: 'What could we improve?' });
    await userEvent.click(screen.getByLabelText('Then ask for a comment'));
    expect(dataOf('rate', 'satisfaction')).toEqual({ text: 'Rate us, {{orderId}}', commentText: 'What could we improve?' });
  });
});
