import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, Result, Skeleton, Typography } from 'antd';
import { useParams } from 'react-router-dom';
import { ProblemError } from '../api';
import { useAnswerSurvey, useSurvey } from '../data/touchpoints';
import { formatDate } from '../format';
import { translate, type Lang, type MessageKey } from '../i18n/translate';
import { surveyLang } from '../touchpoint-view';

const SCORES = Array.from({ length: 11 }, (_, i) => i);

/** Why a link does not open, in words for a customer. */
function linkProblem(error: unknown): MessageKey {
  const status = error instanceof ProblemError ? error.status : 0;
  return status === 403 ? 'survey.invalid' : status === 410 ? 'survey.expired' : status === 404 ? 'survey.notFound' : 'survey.error';
}

/**
 * The customer's NPS survey, opened from the link in their message without signing in: one tap for 0–10, an
 * optional comment, once. It speaks the customer's language (the survey's), not the console's.
 */
export function SurveyPage() {
  const { token = '' } = useParams();
  const survey = useSurvey(token);
  const answer = useAnswerSurvey(token);
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [sent, setSent] = useState(false);
  const [missingScore, setMissingScore] = useState(false);
  const lang: Lang = survey.data ? surveyLang(survey.data.lang) : navigator.language.startsWith('zh') ? 'zh-CN' : 'en-US';
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);

  const submit = () => {
    if (score === null) return setMissingScore(true);
    answer.mutate({ score, comment: comment.trim() || null }, { onSuccess: () => setSent(true) });
  };

  const body = () => {
    if (survey.isPending) return <Skeleton active />;
    if (survey.isError) return <Result status="warning" title={t(linkProblem(survey.error))} data-testid="survey-problem" />;
    if (sent) return <Result status="success" title={t('survey.thanks')} data-testid="survey-thanks" />;
    if (survey.data.answered) return <Result status="success" title={t('survey.already')} data-testid="survey-thanks" />;
    const where = survey.data.destination ?? '';
    return (
      <Flex vertical gap={20}>
        {where && (
          <Typography.Text type="secondary">
            {survey.data.returnDate ? t('survey.tripReturned', { destination: where, date: formatDate(survey.data.returnDate, lang) }) : t('survey.trip', { destination: where })}
          </Typography.Text>
        )}
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('survey.question')}
        </Typography.Title>
        <div>
          <Flex wrap gap={6} role="radiogroup" aria-label={t('survey.question')}>
            {SCORES.map((s) => (
              <Button
                key={s}
                role="radio"
                aria-checked={score === s}
                type={score === s ? 'primary' : 'default'}
                onClick={() => {
                  setScore(s);
                  setMissingScore(false);
                }}
                style={{ width: 44, height: 44, fontSize: 16 }}
                data-testid={`survey-score-${s}`}
              >
                {s}
              </Button>
            ))}
          </Flex>
          <Flex justify="space-between" style={{ marginTop: 6 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              0 · {t('survey.notLikely')}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              10 · {t('survey.veryLikely')}
            </Typography.Text>
          </Flex>
        </div>
        <label>
          <Typography.Text>{t('survey.comment')}</Typography.Text>
          <Input.TextArea value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} showCount autoSize={{ minRows: 3, maxRows: 8 }} style={{ marginTop: 6 }} data-testid="survey-comment" />
        </label>
        {missingScore && <Alert type="warning" showIcon title={t('survey.pickScore')} />}
        {answer.isError && <Alert type="error" showIcon role="alert" title={answer.error instanceof ProblemError && answer.error.status === 409 ? t('survey.already') : t(linkProblem(answer.error))} />}
        <Button type="primary" size="large" block loading={answer.isPending} onClick={submit} data-testid="survey-submit">
          {t('survey.submit')}
        </Button>
      </Flex>
    );
  };

  return (
    <Flex justify="center" style={{ minHeight: '100vh', padding: '24px 12px', background: '#f5f7fa' }} lang={lang}>
      <Card style={{ width: '100%', maxWidth: 560, alignSelf: 'flex-start' }} title={t('survey.title')}>
        {body()}
      </Card>
    </Flex>
  );
}
