// Specifications: search, the paginated list (every version), and uploading a description.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, query } from '../api/client.js';
import type { Page, Specification } from '../api/types.js';
import { Pager } from '../components/pager.js';
import { Empty, QueryView } from '../components/states.js';
import { formatTime } from '../components/time.js';
import { UploadSpecification } from '../features/upload-specification.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';

const LIMIT = 20;

export default function SpecificationsPage() {
  const { can } = useSession();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['specifications', search, page],
    queryFn: () => api<Page<Specification>>(`/api/v1/specifications${query({ q: search, page, limit: LIMIT })}`),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <h1>Specifications</h1>
      {can('specifications:create') && <UploadSpecification />}
      <section aria-labelledby="spec-list">
        <h2 id="spec-list">Stored descriptions</h2>
        <label className="inline">
          Search by name
          <input
            type="search"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value);
              setPage(1);
            }}
          />
        </label>
        <QueryView query={list} what="specifications">
          {(data) =>
            data.items.length === 0 ? (
              <Empty>{search ? `No specification matches “${search}”.` : 'No specification yet: upload a description to start.'}</Empty>
            ) : (
              <>
                <div className="table-wrap" tabIndex={0} role="region" aria-label="Specifications">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">Name</th>
                        <th scope="col">Version</th>
                        <th scope="col">Title</th>
                        <th scope="col">Operations</th>
                        <th scope="col">Readiness</th>
                        <th scope="col">Uploaded</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.items.map((spec) => (
                        <tr key={spec.id}>
                          <td>
                            <Link to={`/specifications/${spec.id}`}>{spec.name}</Link>
                          </td>
                          <td>v{spec.version}</td>
                          <td>{spec.title}</td>
                          <td>{spec.operationCount}</td>
                          <td>{spec.lintScore === null ? '—' : `${Math.round(spec.lintScore)}/100`}</td>
                          <td>{formatTime(spec.createdAt)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <Pager page={page} limit={LIMIT} total={data.total} onPage={setPage} label="Specifications" />
              </>
            )
          }
        </QueryView>
      </section>
    </>
  );
}
