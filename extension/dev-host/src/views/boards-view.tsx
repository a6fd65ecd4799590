import type { DirectoryOrganization } from '../directory.js';

/** Boards → Work items: the seeded work items of the org, each opening its form. */
export function BoardsView({ org, open }: { org: DirectoryOrganization; open: (id: number) => void }) {
  return (
    <div className="dh-page">
      <h1 className="dh-title">Work items</h1>
      <table className="dh-table" data-testid="work-items">
        <thead>
          <tr><th>ID</th><th>Title</th><th>Type</th><th>State</th></tr>
        </thead>
        <tbody>
          {org.workItems.map((item) => (
            <tr key={item.id} onClick={() => open(item.id)} data-testid={`work-item-row-${item.id}`}>
              <td>{item.id}</td>
              <td><a href={`#/boards/${item.id}`} onClick={(event) => { event.preventDefault(); open(item.id); }}>{item.title}</a></td>
              <td>{item.type}</td>
              <td>{item.state}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
