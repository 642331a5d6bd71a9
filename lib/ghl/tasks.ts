// Tasks of a contact: list, read, create, change, mark done / not done, delete.
import { API_VERSION, path, type CallOptions, type GhlHttp } from './http';
import { DeletedSchema, TaskEnvelopeSchema, TaskListSchema, type Task } from './schemas';

const version = API_VERSION.contacts;

export interface TaskFields {
  title: string;
  /** ISO date-time. */
  dueDate: string;
  body?: string;
  completed?: boolean;
  /** User id. */
  assignedTo?: string;
}

export function tasksApi(http: GhlHttp) {
  const one = (contactId: string, taskId: string) => path`contacts/${contactId}/tasks/${taskId}`;
  return {
    list: async (contactId: string, o?: CallOptions): Promise<Task[]> =>
      (await http.send({ ...o, method: 'GET', path: path`contacts/${contactId}/tasks`, version, schema: TaskListSchema })).tasks,

    get: async (contactId: string, taskId: string, o?: CallOptions): Promise<Task> =>
      (await http.send({ ...o, method: 'GET', path: one(contactId, taskId), version, schema: TaskEnvelopeSchema })).task,

    create: async (contactId: string, fields: TaskFields, o?: CallOptions): Promise<Task> =>
      (
        await http.send({
          ...o,
          method: 'POST',
          path: path`contacts/${contactId}/tasks`,
          version,
          schema: TaskEnvelopeSchema,
          json: { completed: false, ...fields },
        })
      ).task,

    update: async (contactId: string, taskId: string, fields: Partial<TaskFields>, o?: CallOptions): Promise<Task> =>
      (await http.send({ ...o, method: 'PUT', path: one(contactId, taskId), version, schema: TaskEnvelopeSchema, json: fields })).task,

    setCompleted: async (contactId: string, taskId: string, completed: boolean, o?: CallOptions): Promise<Task> =>
      (
        await http.send({
          ...o,
          method: 'PUT',
          path: `${one(contactId, taskId)}/completed`,
          version,
          schema: TaskEnvelopeSchema,
          json: { completed },
        })
      ).task,

    remove: async (contactId: string, taskId: string, o?: CallOptions): Promise<void> => {
      await http.send({ ...o, method: 'DELETE', path: one(contactId, taskId), version, schema: DeletedSchema });
    },
  };
}

export type TasksApi = ReturnType<typeof tasksApi>;
