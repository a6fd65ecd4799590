import azure from '@azure/functions';

azure.app.setup({ enableHttpStream: false });
