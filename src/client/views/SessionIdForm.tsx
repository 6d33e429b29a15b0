import { useId, useState, type FormEvent } from 'react';
import { describeSessionInputProblem, parseSessionInput } from '../../shared/session-id';
import { navigate } from '../routing/use-route';
import { viewerPath } from '../routing/route';

export function SessionIdForm() {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  const problemId = useId();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = parseSessionInput(text, window.location.origin);
    if (!parsed.ok) {
      setProblem(describeSessionInputProblem(parsed.reason));
      return;
    }
    navigate(viewerPath(parsed.sessionId, parsed.startParam));
  };

  return (
    <form className="session-form" onSubmit={onSubmit} noValidate>
      <label htmlFor={inputId}>Session ID</label>
      <div className="session-form-row">
        <input
          id={inputId}
          name="session"
          type="text"
          inputMode="text"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          placeholder="e.g. 3f1c2a9e-… or https://console.notte.cc/sessions/…"
          value={text}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? problemId : undefined}
          onChange={(event) => {
            setText(event.target.value);
            if (problem) setProblem(null);
          }}
        />
        <button type="submit">Open replay</button>
      </div>
      {problem && (
        <p id={problemId} className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
