// Ant Design pages: one entry, the page chosen by `kind`.
import { Avatar, Button, Card, Col, ConfigProvider, Descriptions, Flex, Layout, List, Modal, Row, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { done, props, root } from './harness';

type Rec = Record<string, string>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const data = props<Record<string, any>>();
const me = data.me as { name: string; email: string };
const { Header, Content, Footer } = Layout;
const { Title, Text, Paragraph, Link } = Typography;
const initials = (n: string) => n.split(/[ @]/).map((w) => w[0]).join('').slice(0, 2).toUpperCase();
const tel = (p: string) => `tel:${p.replace(/[^\d+]/g, '')}`;

function Shell({ app, children, footer }: { app: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', background: '#fff', borderBottom: '1px solid #f0f0f0' }}>
        <Text strong>{app}</Text>
        <Space><Avatar size="small">{initials(me.name)}</Avatar><Text>{me.name}</Text></Space>
      </Header>
      <Content style={{ padding: 24 }}>{children}</Content>
      {footer ? <Footer>{footer}</Footer> : null}
    </Layout>
  );
}

const mailLinks = (boxes: string[], switchboard?: string) => (
  <Text type="secondary">Help: {boxes.map((m, i) => <span key={m}>{i ? ' · ' : ''}<Link href={`mailto:${m}`}>{m}</Link></span>)}{switchboard ? <> · Phone <Link href={tel(switchboard)}>{switchboard}</Link></> : null}</Text>
);

function TablePage() {
  const columns = [
    { title: 'First name', dataIndex: 'first', key: 'first' },
    { title: 'Last name', dataIndex: 'last', key: 'last' },
    { title: 'Email', dataIndex: 'email', key: 'email', render: (v: string) => <Link href={`mailto:${v}`}>{v}</Link> },
    { title: 'Code', dataIndex: 'code', key: 'code', width: 70 },
    { title: 'Phone', dataIndex: 'phone', key: 'phone' },
    { title: 'Company', dataIndex: 'company', key: 'company' },
    { title: 'Title', dataIndex: 'title', key: 'title' },
    { title: 'Updated', dataIndex: 'updated', key: 'updated' },
  ];
  return (
    <Shell app="Northgate Sales" footer={mailLinks(data.mailboxes, data.switchboard)}>
      <Title level={3}>Contacts</Title>
      <Table rowSelection={{ type: 'checkbox' }} columns={columns} dataSource={data.rows} pagination={{ total: 240, pageSize: 10 }} size="middle" />
    </Shell>
  );
}

function VirtualPage() {
  const columns = [
    { title: 'Name', dataIndex: 'name', key: 'name', width: 200, render: (v: string, r: Rec) => <a href={`https://www.linkedin.com/in/${r.slug}`}>{v}</a> },
    { title: 'Email', dataIndex: 'email', key: 'email', width: 300 },
    { title: 'Phone', dataIndex: 'phone', key: 'phone', width: 180 },
    { title: 'Company', dataIndex: 'company', key: 'company', width: 200 },
    { title: 'Title', dataIndex: 'title', key: 'title', width: 200 },
    { title: 'City', dataIndex: 'city', key: 'city', width: 120 },
  ];
  return (
    <Shell app="Tallyho" footer={mailLinks(data.mailboxes)}>
      <Title level={3}>Prospect list: Q2 outbound</Title>
      <Table virtual columns={columns} dataSource={data.rows} scroll={{ x: 1200, y: 420 }} pagination={false} size="small" />
    </Shell>
  );
}

function DetailPage() {
  const s = data.subject as Rec;
  return (
    <Shell app="Brackenhill CRM">
      <Row gutter={24}>
        <Col span={16}>
          <Card>
            <Space align="center" style={{ marginBottom: 16 }}><Avatar size={48}>{initials(s.name!)}</Avatar><Title level={3} style={{ margin: 0 }}>{s.name}</Title><Tag color="green">Customer</Tag></Space>
            <Descriptions bordered column={1} size="small" items={[
              { key: 'email', label: 'Email', children: <Link href={`mailto:${s.email}`}>{s.email}</Link> },
              { key: 'phone', label: 'Phone', children: s.phone },
              { key: 'company', label: 'Company', children: s.company },
              { key: 'title', label: 'Job title', children: s.title },
              { key: 'linkedin', label: 'LinkedIn', children: <Link href={`https://www.linkedin.com/in/${s.slug}/`}>linkedin.com/in/{s.slug}</Link> },
              { key: 'owner', label: 'Contact owner', children: me.name },
              { key: 'created', label: 'Created', children: s.created },
              { key: 'id', label: 'Record ID', children: s.id },
            ]} />
          </Card>
        </Col>
        <Col span={8}>
          <Card title={`More people at ${s.company}`}>
            <List dataSource={data.related as Rec[]} renderItem={(r) => (
              <List.Item><List.Item.Meta avatar={<Avatar>{initials(r.name!)}</Avatar>} title={r.name} description={<Link href={`mailto:${r.email}`}>{r.email}</Link>} /></List.Item>
            )} />
          </Card>
        </Col>
      </Row>
    </Shell>
  );
}

function ListPage() {
  return (
    <Shell app="Falkenried Intranet" footer={mailLinks(data.mailboxes, data.switchboard)}>
      <Title level={3}>Ansprechpartner</Title>
      <List itemLayout="horizontal" bordered dataSource={data.items as Rec[]} renderItem={(p) => (
        <List.Item actions={[<Link key="m" href={`mailto:${p.email}`}>{p.email}</Link>, <Link key="t" href={tel(p.phone!)}>{p.phone}</Link>]}>
          <List.Item.Meta avatar={<Avatar style={{ backgroundColor: '#1677ff' }}>{initials(`${p.first} ${p.last}`)}</Avatar>}
            title={<span><span>{p.first}</span> <span>{p.last}</span></span>} description={`${p.title} · ${p.company}`} />
        </List.Item>
      )} />
    </Shell>
  );
}

function Chip({ name, email }: { name: string; email: string }) {
  const attrs = { email, name } as object;
  return <Tag {...attrs}>{name}</Tag>;
}

function MailPage() {
  const { from, quoted } = data as { from: Rec; quoted: Rec };
  return (
    <Shell app="Quillpost">
      <Card title="Quarterly review" style={{ maxWidth: 820 }}>
        <Space wrap style={{ marginBottom: 8 }}>
          <Text type="secondary">From</Text><Chip name={from.name!} email={from.email!} />
          <Text type="secondary">To</Text><Chip name={me.name} email={me.email} /><Chip name={quoted.name!} email={quoted.email!} />
        </Space>
        <Paragraph type="secondary">Tue, Mar 3, 2026, 10:21 AM</Paragraph>
        <Paragraph>Hi all, attaching the Q1 numbers. Revenue was $412,300.00, up 8% on invoice #INV-20931. Let us go through it on Thursday.</Paragraph>
        <div>
          <Text strong>{from.name}</Text><br />
          <Text>{from.title}</Text><br />
          <Text>{from.company}</Text><br />
          <Text>Direct: {from.phone}</Text>
        </div>
        <blockquote style={{ borderLeft: '3px solid #d9d9d9', margin: '16px 0 0', paddingLeft: 12, color: '#666' }}>
          <Paragraph type="secondary">On {quoted.date} {quoted.name} &lt;{quoted.email}&gt; wrote:</Paragraph>
          <Paragraph type="secondary">Could you share the numbers before the review?</Paragraph>
          <Text type="secondary">{quoted.name}</Text><br />
          <Text type="secondary">{quoted.title}, {quoted.company}</Text><br />
          <Text type="secondary">Mobile {quoted.phone}</Text>
        </blockquote>
      </Card>
      <Paragraph type="secondary" style={{ marginTop: 12 }}>Delivery reports come from {data.noreply}.</Paragraph>
    </Shell>
  );
}

function ProfilePage() {
  const s = data.subject as Rec & { past: Rec };
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ background: '#fff', display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}><Text strong>Network</Text><Tooltip title={data.me.name}><Avatar>{initials(data.me.name)}</Avatar></Tooltip></Header>
      <Content style={{ padding: 24 }}>
        <Row gutter={24}>
          <Col span={16}>
            <Card>
              <Avatar size={88}>{initials(s.name!)}</Avatar>
              <Title level={1} style={{ marginTop: 12 }}>{s.name}</Title>
              <Paragraph>{s.headline}</Paragraph>
              <Text type="secondary">{s.city} · <Link href={`/in/${s.slug}/overlay/contact-info/`}>Contact info</Link></Text>
            </Card>
            <Card title="Experience" style={{ marginTop: 16 }}>
              <List dataSource={[{ t: s.title, c: `${s.company} · Full-time`, d: 'Mar 2024 – Present' }, { t: s.past.title, c: s.past.company, d: '2020 – 2024' }]} renderItem={(e) => (
                <List.Item><List.Item.Meta title={e.t} description={<>{e.c}<br />{e.d}</>} /></List.Item>
              )} />
            </Card>
          </Col>
          <Col span={8}>
            <Card title="People also viewed">
              <List dataSource={data.others as Rec[]} renderItem={(o) => (
                <List.Item><List.Item.Meta avatar={<Avatar>{initials(o.name!)}</Avatar>} title={<a href={`/in/${o.slug}/`}>{o.name}</a>} description={o.headline} /></List.Item>
              )} />
            </Card>
          </Col>
        </Row>
        <Modal open title={`${s.name}`} footer={null} transitionName="" maskTransitionName="" getContainer={false}>
          <Title level={5}>Contact info</Title>
          <Descriptions column={1} size="small" items={[
            { key: 'p', label: 'Your profile', children: <a href={`/in/${s.slug}/`}>linkedin.com/in/{s.slug}</a> },
            { key: 'ph', label: 'Phone', children: `${s.phone} (Mobile)` },
            { key: 'e', label: 'Email', children: <a href={`mailto:${s.email}`}>{s.email}</a> },
          ]} />
        </Modal>
      </Content>
    </Layout>
  );
}

function KanbanPage() {
  return (
    <Shell app="Hopscotch">
      <Title level={3}>Deals</Title>
      <Flex gap={16} align="flex-start">
        {(data.stages as { name: string; deals: Rec[] }[]).map((s) => (
          <Card key={s.name} title={s.name} extra={<Tag>{s.deals.length}</Tag>} style={{ width: 300, background: '#fafafa' }} size="small">
            <Flex vertical gap={12}>
              {s.deals.map((d) => (
                <Card key={d.deal} size="small" hoverable>
                  <Text strong>{d.deal}</Text>
                  <Paragraph style={{ margin: '4px 0', fontSize: 18 }}>{d.amount}</Paragraph>
                  <div><Text>{d.contact}</Text></div>
                  <div><Text type="secondary">{d.company}</Text></div>
                  <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
                    <Text type="secondary">Close: {d.close}</Text>
                    <Tooltip title={me.name}><Avatar size="small">{initials(me.name)}</Avatar></Tooltip>
                  </Flex>
                </Card>
              ))}
            </Flex>
          </Card>
        ))}
      </Flex>
    </Shell>
  );
}

function MembersPage() {
  const rows = [
    { key: me.email, name: `${me.name} (You)`, email: me.email, role: 'Owner', status: 'Active', joined: '2024-02-11' },
    ...(data.members as Rec[]).map((m) => ({ key: m.email, ...m, status: 'Active' })),
    ...(data.invites as Rec[]).map((m) => ({ key: m.email, name: '', email: m.email, role: m.role, status: 'Invited', joined: m.sent })),
  ];
  const columns = [
    { title: 'Member', key: 'member', render: (_: unknown, r: Rec) => (
      <Space><Avatar>{initials(r.name || r.email!)}</Avatar><div>{r.name ? <div>{r.name}</div> : null}<Text type="secondary">{r.email}</Text></div></Space>
    ) },
    { title: 'Role', dataIndex: 'role', key: 'role' },
    { title: 'Status', dataIndex: 'status', key: 'status', render: (v: string) => <Tag color={v === 'Active' ? 'green' : 'gold'}>{v}</Tag> },
    { title: 'Joined', dataIndex: 'joined', key: 'joined' },
    { title: '', key: 'actions', render: () => <Button type="link">Manage</Button> },
  ];
  return (
    <Shell app="HeyGen">
      <Title level={3}>Settings</Title>
      <Tabs activeKey="members" items={[{ key: 'workspace', label: 'Workspace' }, { key: 'members', label: 'Members', children: (
        <>
          <Flex justify="space-between" style={{ marginBottom: 12 }}><Text strong>{rows.length} members</Text><Button type="primary">Invite</Button></Flex>
          <Table columns={columns} dataSource={rows as Rec[]} pagination={false} />
        </>
      ) }, { key: 'billing', label: 'Billing' }, { key: 'api', label: 'API' }]} />
    </Shell>
  );
}

const pages: Record<string, () => ReactNode> = { table: TablePage, virtual: VirtualPage, detail: DetailPage, list: ListPage, mail: MailPage, profile: ProfilePage, kanban: KanbanPage, members: MembersPage };
const Page = pages[data.kind as string]!;
createRoot(root()).render(<ConfigProvider theme={{ hashed: true }}><Page /></ConfigProvider>);
void done(1000, data.kind === 'virtual' ? () => [...document.querySelectorAll('[data-row-key]')].map((r) => Number(r.getAttribute('data-row-key'))) : undefined);
