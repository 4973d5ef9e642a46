import { Table } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import '../../designsystemet/table.css';

export interface Column<T> {
  header: string;
  cell: (item: T) => ReactNode;
}

/**
 * The list-with-actions pattern: a table of items with a column per field and, last, the row's
 * actions. On a narrow screen each row becomes a block with every cell labelled by its column,
 * so nothing scrolls sideways.
 */
export function DataTable<T extends { id: string }>({
  items,
  columns,
  actions,
  caption,
}: {
  items: readonly T[];
  columns: Column<T>[];
  actions?: (item: T) => ReactNode;
  caption?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll">
      <Table className="results responsive-table">
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <Table.Head>
          <Table.Row>
            {columns.map((c) => (
              <Table.HeaderCell key={c.header}>{c.header}</Table.HeaderCell>
            ))}
            {actions && (
              <Table.HeaderCell>
                <span className="visually-hidden">{t('forms.actions')}</span>
              </Table.HeaderCell>
            )}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((item) => (
            <Table.Row key={item.id}>
              {columns.map((c) => (
                <Table.Cell key={c.header} data-label={c.header}>
                  {c.cell(item)}
                </Table.Cell>
              ))}
              {actions && <Table.Cell>{actions(item)}</Table.Cell>}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
