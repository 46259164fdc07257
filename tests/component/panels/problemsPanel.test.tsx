import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ProblemsPanel } from '../../../editor/src/flow-editor/panels/ProblemsPanel';
import { i18n } from '../../../editor/src/i18n';
import { loadAndSelect, renderUi, store } from '../inspector/support';

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

function withProblems() {
  loadAndSelect(null);
  act(() =>
    store().setProblems([
      { severity: 'warning', code: 'unreachable-node', message: 'The end "Bye" cannot be reached from the start', nodeId: 'bye' },
      { severity: 'error', code: 'unconnected-output', message: 'The choice "What do you need?" has an option leading nowhere', nodeId: 'pick' },
      { severity: 'error', code: 'missing-start', message: 'The flow has no start step.' },
    ]),
  );
}

describe('ProblemsPanel', () => {
  it('shows an empty state when the validator is happy', () => {
    loadAndSelect(null);
    act(() => store().setProblems([]));
    renderUi(<ProblemsPanel />);
    expect(screen.getByText('No problems')).toBeInTheDocument();
  });

  it('lists errors first with counts and the step each belongs to', () => {
    withProblems();
    renderUi(<ProblemsPanel />);
    expect(screen.getByText(/2 errors · 1 warning/)).toBeInTheDocument();
    const items = screen.getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringContaining('has an option leading nowhere'),
      expect.stringContaining('The flow has no start step.'),
      expect.stringContaining('cannot be reached'),
    ]);
    expect(items[0]).toHaveTextContent('Choice · What do you need?');
    expect(items[0]).toHaveTextContent('Error:');
    expect(items[2]).toHaveTextContent('Warning:');
  });

  it('selects and centres the step when a problem is clicked', async () => {
    withProblems();
    renderUi(<ProblemsPanel />);
    await userEvent.click(screen.getByRole('button', { name: /has an option leading nowhere/ }));
    expect(store().selectedNodeIds).toEqual(['pick']);
    expect(store().viewRequest).toMatchObject({ kind: 'center', nodeId: 'pick' });
    // A flow-wide problem has no step to go to, so it is not a button.
    expect(screen.queryByRole('button', { name: /no start step/ })).not.toBeInTheDocument();
  });

  it('updates live as the validator reruns', () => {
    withProblems();
    renderUi(<ProblemsPanel />);
    act(() => store().setProblems([]));
    expect(screen.getByText('No problems')).toBeInTheDocument();
  });

  it('says each problem in Polish as a full sentence naming the step and its exit as the canvas does', async () => {
    withProblems();
    await act(() => i18n.changeLanguage('pl'));
    renderUi(<ProblemsPanel />);
    expect(screen.getByText('Wyjście kroku nie jest z niczym połączone. Połącz je z następnym krokiem.')).toBeInTheDocument();
    expect(screen.getByText('Do kroku „Bye” (Koniec) nie da się dojść od startu. Połącz z nim inny krok albo go usuń.')).toBeInTheDocument();
    expect(screen.getByText('Przepływ nie ma kroku startowego. Dodaj go z palety.')).toBeInTheDocument();
    expect(screen.getByText(/2 błędy · 1 ostrzeżenie/)).toBeInTheDocument();
  });

  it('names fixed exits with the canvas labels and options with their text, in Polish', async () => {
    loadAndSelect(null);
    act(() =>
      store().setProblems([
        { severity: 'warning', code: 'retry-exit-unconnected', message: 'x', nodeId: 'ask', handle: 'invalid' },
        { severity: 'error', code: 'unconnected-output', message: 'y', nodeId: 'pick', handle: 'loan' },
      ]),
    );
    await act(() => i18n.changeLanguage('pl'));
    renderUi(<ProblemsPanel />);
    expect(
      screen.getByText(
        'Wyjście „Błędna odpowiedź” kroku „Your email?” (Pytanie) nie jest połączone. Po 3 nieprzyjętych odpowiedziach bot przeprasza i przekazuje rozmowę zespołowi (Ustawienia przepływu → Rozmowa). Połącz to wyjście, aby zdecydować samodzielnie.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Wyjście „Loan” kroku „What do you need?” (Wybór) nie jest z niczym połączone. Połącz je z następnym krokiem.')).toBeInTheDocument();
  });
});
