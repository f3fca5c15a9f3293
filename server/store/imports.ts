// Atomic imports: documents and annotations from one uploaded file are written in a single
// transaction, so a failure half-way leaves the database exactly as it was.
import { InputError } from '../core/types.js';
import { annotationParams, INSERT_ANNOTATION_SQL } from './annotations.js';
import type { Db } from './db.js';
import { documentParams, INSERT_DOCUMENT_SQL } from './documents.js';
import type { ImportItem, ImportRepository } from './types.js';

export function sqliteImports(db: Db, now: () => string): ImportRepository {
  const insertDoc = db.prepare(INSERT_DOCUMENT_SQL);
  const insertAnnotation = db.prepare(INSERT_ANNOTATION_SQL);
  const exists = db.prepare('SELECT 1 FROM documents WHERE id = ?');
  const commit = db.transaction((items: ImportItem[]) => {
    const t = now();
    const documents: string[] = [];
    let annotations = 0;
    for (const item of items) {
      const id = item.kind === 'new' ? item.doc.id : item.id;
      if (item.kind === 'new') {
        if (insertDoc.run(documentParams(item.doc, t)).changes !== 1) {
          throw new InputError(`a document with the id "${id}" already exists; nothing was imported`, { field: 'id' });
        }
      } else if (!exists.get(id)) {
        throw new InputError(`document "${id}" is not in the database; nothing was imported`, { field: 'id' });
      }
      for (const a of item.annotations) insertAnnotation.run(annotationParams(id, a, t));
      annotations += item.annotations.length;
      documents.push(id);
    }
    return { documents, annotations };
  });
  return {
    async commit(items) {
      return commit(items);
    },
  };
}
