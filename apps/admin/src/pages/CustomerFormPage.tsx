import { useState } from 'react';
import { App, Flex, Form, Spin, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { CustomerForm } from '../components/CustomerForm';
import { ErrorState } from '../components/ErrorState';
import { toCreateBody, toFormValues, toUpdateBody, type CustomerFormValues } from '../customer-form-values';
import { useCreateCustomer, useCustomer, useUpdateCustomer, type Customer } from '../data/customers';
import { canManageCustomers, useCurrentUser } from '../data/session';
import { OWNER_ROLES } from '../data/users';
import { useI18n } from '../i18n/i18n';
import { applyProblemToForm } from '../problem-form';

/** /customers/new and /customers/:id/edit. */
export function CustomerFormPage() {
  const { id } = useParams();
  const customer = useCustomer(id);
  if (!id) return <CustomerEditor />;
  if (customer.isPending) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (customer.isError) return <ErrorState error={customer.error} onRetry={() => customer.refetch()} />;
  // Keyed by version: a form starts from the customer as loaded, and a newer load starts it afresh.
  return <CustomerEditor key={customer.data.updatedAt} original={customer.data} />;
}

function CustomerEditor({ original }: { original?: Customer }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [form] = Form.useForm<CustomerFormValues>();
  const [errors, setErrors] = useState<string[]>([]);
  const create = useCreateCustomer();
  const update = useUpdateCustomer(original?.id ?? '');

  const initialValues = original ? toFormValues(original) : { ...toFormValues(), ownerId: OWNER_ROLES.includes(user.role) ? user.id : undefined };
  const owner = original ? { editable: canManageCustomers(user), original: original.ownerId } : { editable: user.role !== 'account_manager' };
  const back = () => navigate(original ? `/customers/${original.id}` : '/customers');
  const onError = (err: unknown) => setErrors(applyProblemToForm(form, err));

  const onSubmit = (values: CustomerFormValues) => {
    setErrors([]);
    if (!original) {
      create.mutate(toCreateBody(values), {
        onSuccess: (c) => {
          message.success(t('form.created', { name: c.name }));
          navigate(`/customers/${c.id}`, { replace: true });
        },
        onError,
      });
      return;
    }
    const body = toUpdateBody(original, values);
    if (!Object.keys(body).length) {
      message.info(t('form.noChanges'));
      back();
      return;
    }
    update.mutate(body, {
      onSuccess: () => {
        message.success(t('common.saved'));
        back();
      },
      onError,
    });
  };

  return (
    <div>
      <Link to={original ? `/customers/${original.id}` : '/customers'}>
        <ArrowLeftOutlined /> {original ? original.name : t('nav.customers')}
      </Link>
      <Typography.Title level={3} style={{ margin: '12px 0 20px' }}>
        {original ? t('form.editTitle', { name: original.name }) : t('form.newTitle')}
      </Typography.Title>
      <CustomerForm
        form={form}
        initialValues={initialValues}
        owner={owner}
        saving={create.isPending || update.isPending}
        errors={errors}
        onSubmit={onSubmit}
        onCancel={back}
      />
    </div>
  );
}
