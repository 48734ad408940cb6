import { Modal } from './Modal';
import { SHORTCUT_GROUPS } from './shortcutList';

/** The keys of the app in one sheet (F1 or ?). */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  return (
    <Modal
      title="快捷键"
      onClose={onClose}
      testId="shortcut-sheet"
      wide
      footer={
        <button type="button" className="primary" onClick={onClose}>
          关闭
        </button>
      }
    >
      <div className="shortcut-sheet">
        {SHORTCUT_GROUPS.map((g) => (
          <section key={g.title}>
            <h3>{g.title}</h3>
            <table>
              <tbody>
                {g.keys.map(([keys, what]) => (
                  <tr key={keys + what}>
                    <th scope="row">
                      <kbd>{keys}</kbd>
                    </th>
                    <td>{what}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </Modal>
  );
}
