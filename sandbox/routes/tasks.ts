// Contact task routes: list, get, create (201), update, mark completed, delete (apps/contacts.json).
import type { AppCtx, App } from '../context.ts';
import { contactFor, fail, guard, ok, readJson } from '../http.ts';
import type { Task } from '../types.ts';
import { validOrThrow, type Rules } from '../validate.ts';

const updateRules: Rules = { title: { type: 'string' }, body: { type: 'string' }, dueDate: { type: 'isoDate' }, completed: { type: 'boolean' }, assignedTo: { type: 'string' } };
const createRules: Rules = { ...updateRules, title: { type: 'string', required: true }, dueDate: { type: 'isoDate', required: true }, completed: { type: 'boolean', required: true } };

const view = (t: Task) => ({ ...t });

export function taskRoutes(app: App, ctx: AppCtx): void {
  const read = guard(ctx, { scope: 'contacts.readonly' });
  const write = guard(ctx, { scope: 'contacts.write' });
  const taskOf = (contactId: string, taskId: string): Task => ctx.store.tasksOf(contactId).find((t) => t.id === taskId) ?? fail(404, 'Task not found');
  const checkAssignee = (body: Record<string, unknown>) => {
    if (typeof body.assignedTo === 'string' && !ctx.store.users.has(body.assignedTo)) fail(422, ['assignedTo must be a valid user id']);
  };

  app.get('/contacts/:contactId/tasks', read, (c) => {
    const contact = contactFor(c, ctx, c.req.param('contactId'));
    return ok(c, { tasks: ctx.store.tasksOf(contact.id).map(view) });
  });

  app.post('/contacts/:contactId/tasks', write, async (c) => {
    const contact = contactFor(c, ctx, c.req.param('contactId'));
    const body = await readJson(c);
    validOrThrow(body, createRules);
    checkAssignee(body);
    const task: Task = { id: ctx.store.newId(), contactId: contact.id, title: body.title as string, dueDate: new Date(body.dueDate as string).toISOString(), completed: body.completed as boolean };
    if (typeof body.body === 'string') task.body = body.body;
    if (typeof body.assignedTo === 'string') task.assignedTo = body.assignedTo;
    ctx.store.tasksOf(contact.id).push(task);
    return ok(c, { task: view(task) }, 201);
  });

  app.get('/contacts/:contactId/tasks/:taskId', read, (c) => {
    const contact = contactFor(c, ctx, c.req.param('contactId'));
    return ok(c, { task: view(taskOf(contact.id, c.req.param('taskId'))) });
  });

  app.put('/contacts/:contactId/tasks/:taskId/completed', write, async (c) => {
    const contact = contactFor(c, ctx, c.req.param('contactId'));
    const task = taskOf(contact.id, c.req.param('taskId'));
    const body = await readJson(c);
    validOrThrow(body, { completed: { type: 'boolean', required: true } });
    task.completed = body.completed as boolean;
    return ok(c, { task: view(task) });
  });

  app.put('/contacts/:contactId/tasks/:taskId', write, async (c) => {
    const contact = contactFor(c, ctx, c.req.param('contactId'));
    const task = taskOf(contact.id, c.req.param('taskId'));
    const body = await readJson(c);
    validOrThrow(body, updateRules);
    checkAssignee(body);
    if (typeof body.title === 'string') task.title = body.title;
    if (typeof body.body === 'string') task.body = body.body;
    if (typeof body.dueDate === 'string') task.dueDate = new Date(body.dueDate).toISOString();
    if (typeof body.completed === 'boolean') task.completed = body.completed;
    if (typeof body.assignedTo === 'string') task.assignedTo = body.assignedTo;
    return ok(c, { task: view(task) });
  });

  app.delete('/contacts/:contactId/tasks/:taskId', write, (c) => {
    const contact = contactFor(c, ctx, c.req.param('contactId'));
    const task = taskOf(contact.id, c.req.param('taskId'));
    const list = ctx.store.tasksOf(contact.id);
    list.splice(list.indexOf(task), 1);
    return ok(c, { succeded: true });
  });
}
