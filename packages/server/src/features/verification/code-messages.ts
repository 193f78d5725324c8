/** The text of a one-time code message, in the deployment's language. */
export function codeMessage(
  language: 'en' | 'zh-CN',
  purpose: string,
  code: string,
  minutes: number,
): { subject: string; text: string } {
  if (language === 'zh-CN') {
    const action =
      {
        register: '注册',
        reset_password: '重置密码',
        unfreeze: '解冻账号',
        rights_request: '数据权利请求',
      }[purpose] ?? '验证';
    return {
      subject: `Carillon ${action}验证码`,
      text: `您的 Carillon ${action}验证码是 ${code}，${minutes} 分钟内有效。请勿告诉他人。`,
    };
  }
  const action =
    {
      register: 'sign-up',
      reset_password: 'password reset',
      unfreeze: 'unfreeze',
      rights_request: 'data-rights request confirmation',
    }[purpose] ?? 'verification';
  return {
    subject: `Your Carillon ${action} code`,
    text: `Your Carillon ${action} code is ${code}. It expires in ${minutes} minutes. Never share it with anyone.`,
  };
}
