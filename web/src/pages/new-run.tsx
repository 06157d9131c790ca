import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../api/client.js';
import type { Page, Specification } from '../api/types.js';
import { Empty, messageOf, QueryView } from '../components/states.js';
import { RunForm, type StartRunBody } from '../features/run-form.js';
import { Link, navigate, useLocation } from '../router.js';

export default function NewRunPage() {
  const { search } = useLocation();
  const specifications = useQuery({ queryKey: ['specifications', 'all'], queryFn: () => api<Page<Specification>>('/api/v1/specifications?limit=200') });
  const start = useMutation({
    mutationFn: (body: StartRunBody) => api<{ id: string }>('/api/v1/test-runs', { method: 'POST', body }),
    onSuccess: (run) => navigate(`/runs/${run.id}`),
  });
  return (
    <>
      <h1>New run</h1>
      <QueryView query={specifications} what="specifications">
        {(data) =>
          data.items.length === 0 ? (
            <Empty>
              No specification to run yet: <Link to="/specifications">upload one</Link>.
            </Empty>
          ) : (
            <RunForm
              specifications={data.items}
              initialSpecificationId={search.get('specification') ?? undefined}
              onSubmit={(body) => start.mutate(body)}
              busy={start.isPending}
              serverError={start.error ? messageOf(start.error) : undefined}
            />
          )
        }
      </QueryView>
    </>
  );
}
