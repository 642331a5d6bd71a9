// Users of the location, to show who a contact or task is assigned to.
import { API_VERSION, path, type CallOptions, type GhlHttp } from './http';
import { UserListSchema, UserSchema, type User } from './schemas';

const version = API_VERSION.users;

export function usersApi(http: GhlHttp) {
  return {
    list: async (o?: CallOptions): Promise<User[]> =>
      (await http.send({ ...o, method: 'GET', path: 'users/', version, schema: UserListSchema, query: { locationId: http.locationId } }))
        .users,

    get: (userId: string, o?: CallOptions): Promise<User> =>
      http.send({ ...o, method: 'GET', path: path`users/${userId}`, version, schema: UserSchema }),
  };
}

export type UsersApi = ReturnType<typeof usersApi>;
