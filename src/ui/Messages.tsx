import { dismissMessage, useMessages } from './messages';

export function Messages() {
  const messages = useMessages();
  return (
    <div className="messages" aria-live="polite">
      {messages.map((m) => (
        <div key={m.id} className={`message message--${m.kind}`} role={m.kind === 'error' ? 'alert' : 'status'} data-testid="message">
          <span>{m.text}</span>
          <button type="button" aria-label="关闭" onClick={() => dismissMessage(m.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
